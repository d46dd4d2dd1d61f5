using CommandCenter.Ingest.Patterns;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class MovementDayConfiguration : IEntityTypeConfiguration<MovementDay>
{
    public void Configure(EntityTypeBuilder<MovementDay> builder)
    {
        builder.HasKey(m => new { m.SubjectId, m.Day });
        builder.HasOne<Subject>().WithMany().HasForeignKey(m => m.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.Day);
    }
}
