using CommandCenter.Subjects;
using CommandCenter.Subjects.CoDefendants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class CoDefendantLinkConfiguration : IEntityTypeConfiguration<CoDefendantLink>
{
    public void Configure(EntityTypeBuilder<CoDefendantLink> builder)
    {
        builder.ToTable("co_defendant_links", t => t.HasCheckConstraint("ck_co_defendant_links_ordered", "subject_id < other_subject_id"));
        builder.Property(l => l.LinkedBy).HasMaxLength(64);
        builder.HasOne<Subject>().WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Subject>().WithMany().HasForeignKey(l => l.OtherSubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.SubjectId, l.OtherSubjectId }).IsUnique();
        builder.HasIndex(l => l.OtherSubjectId);
    }
}
