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
        builder.HasIndex(p => p.Location).HasMethod("gist");
        builder.HasOne<Subject>().WithOne().HasForeignKey<LatestPosition>(p => p.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
