using CommandCenter.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

/// <summary>
/// The positions table itself is created by hand-written SQL in the migration, because it is
/// partitioned by day, which EF Core cannot express; this mapping is for reading it.
/// </summary>
public class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.HasKey(p => new { p.DeviceId, p.FixTime });
        builder.Property(p => p.Location).HasColumnType("geometry(Point,4326)");
        builder.HasIndex(p => new { p.SubjectId, p.FixTime });
    }
}
