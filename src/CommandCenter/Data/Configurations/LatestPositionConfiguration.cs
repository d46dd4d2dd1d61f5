using CommandCenter.Ingest;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class LatestPositionConfiguration : IEntityTypeConfiguration<LatestPosition>
{
    public void Configure(EntityTypeBuilder<LatestPosition> builder)
    {
        builder.HasKey(p => p.SubjectId);
        builder.Property(p => p.SubjectId).ValueGeneratedNever();
        builder.Property(p => p.Location).HasColumnType("geometry(Point,4326)");

        // One row per subject, rewritten with every fix: no index on the place (nothing looks a subject up by it), so each
        // rewrite touches no index, and room left on every page so that it lands beside the old row (a HOT update).
        builder.HasStorageParameter("fillfactor", 50);
        builder.HasOne<Subject>().WithOne().HasForeignKey<LatestPosition>(p => p.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
