using CommandCenter.Kpi.Records;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class SupervisionLossEventConfiguration : IEntityTypeConfiguration<SupervisionLossEvent>
{
    public void Configure(EntityTypeBuilder<SupervisionLossEvent> builder)
    {
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.HasOne<Subject>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.Date);
    }
}
