using CommandCenter.ProtectedPeople;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class ProtectedPersonLinkConfiguration : IEntityTypeConfiguration<ProtectedPersonLink>
{
    public void Configure(EntityTypeBuilder<ProtectedPersonLink> builder)
    {
        builder.ToTable("protected_person_links", t =>
            t.HasCheckConstraint("ck_protected_person_links_radii", "exclusion_meters > 0 AND warning_meters > exclusion_meters"));
        builder.Property(l => l.LinkedBy).HasMaxLength(64);
        builder.HasIndex(l => new { l.ProtectedPersonId, l.SubjectId }).IsUnique();

        // The rules read a subject's links when the subject's partition loads it.
        builder.HasIndex(l => l.SubjectId);
        builder.HasOne<Subject>().WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
