using CommandCenter.SpotChecks;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> builder)
    {
        builder.ToTable("spot_checks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Origin).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ComparedWith).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.RequestedBy).HasMaxLength(64);
        builder.Property(c => c.JudgedBy).HasMaxLength(64);
        builder.HasOne<Subject>().WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Cascade);
        // The subject page lists a person's checks newest first; the rules read the recent ones.
        builder.HasIndex(c => new { c.SubjectId, c.SentAt });
    }
}
