using CommandCenter.SpotChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class SpotCheckPhotoConfiguration : IEntityTypeConfiguration<SpotCheckPhoto>
{
    public void Configure(EntityTypeBuilder<SpotCheckPhoto> builder)
    {
        builder.ToTable("spot_check_photos");
        builder.HasKey(p => p.SpotCheckId);
        builder.Property(p => p.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasOne<SpotCheck>().WithOne().HasForeignKey<SpotCheckPhoto>(p => p.SpotCheckId).OnDelete(DeleteBehavior.Cascade);
    }
}
