using CommandCenter.Kpi.Records;
using CommandCenter.Squads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class ActivityRecordConfiguration : IEntityTypeConfiguration<ActivityRecord>
{
    public void Configure(EntityTypeBuilder<ActivityRecord> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(100);
        builder.Property(a => a.Note).HasMaxLength(500);
        builder.Property(a => a.AmountYuan).HasPrecision(12, 2);
        builder.HasOne<Squad>().WithMany().HasForeignKey(a => a.SquadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.Kind, a.Date });
        builder.ToTable(t => t.HasCheckConstraint("ck_activity_records_participants", "participants > 0"));
    }
}
