using CommandCenter.Security.TwoFactor;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class SecondFactorRoleSettingConfiguration : IEntityTypeConfiguration<SecondFactorRoleSetting>
{
    public void Configure(EntityTypeBuilder<SecondFactorRoleSetting> builder)
    {
        builder.ToTable("second_factor_roles");
        builder.HasKey(s => s.Role);
        builder.Property(s => s.Role).HasMaxLength(32);
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
    }
}
