using CommandCenter.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class CommandCenterUserConfiguration : IEntityTypeConfiguration<CommandCenterUser>
{
    public void Configure(EntityTypeBuilder<CommandCenterUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(64);
    }
}
