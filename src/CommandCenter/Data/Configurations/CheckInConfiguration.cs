using CommandCenter.Subjects;
using CommandCenter.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.Property(c => c.RecordedBy).HasMaxLength(64);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.HasOne<Subject>().WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SubjectId, c.At });
    }
}
