using CommandCenter.Cameras;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class CameraConfiguration : IEntityTypeConfiguration<Camera>
{
    public void Configure(EntityTypeBuilder<Camera> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(Camera.MaxCodeLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.StreamUrl).HasMaxLength(500);
        builder.Property(c => c.SnapshotUrl).HasMaxLength(500);
        builder.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
        builder.HasIndex(c => c.Location).HasMethod("gist");
        builder.Property(c => c.Version).IsRowVersion();
    }
}
