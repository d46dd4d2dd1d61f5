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

        // Who was there: the fixes inside a small area, found per day partition (an index on the partitioned
        // table is created on every partition, those attached later included).
        builder.HasIndex(p => p.Location).HasMethod("gist").HasDatabaseName("ix_positions_location");
    }
}
