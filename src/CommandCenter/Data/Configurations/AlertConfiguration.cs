using CommandCenter.AlertLog;
using CommandCenter.Squads;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.Property(a => a.Location).HasColumnType("geometry(Point,4326)");
        builder.Property(a => a.Disposition).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(200);
        builder.Property(a => a.DetailKey).HasMaxLength(64);
        builder.Property(a => a.DetailArgs).AsJsonStrings();
        builder.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Squad>().WithMany().HasForeignKey(a => a.SquadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.AlertId).OnDelete(DeleteBehavior.Cascade);

        // One open alert per subject, rule and fence; a rule without a fence counts as one fence (NULLS NOT DISTINCT).
        builder.HasIndex(a => new { a.SubjectId, a.Rule, a.FenceId })
            .IsUnique()
            .HasFilter(OpenAlerts.Sql)
            .AreNullsDistinct(false)
            .HasDatabaseName("ux_alerts_one_open_per_subject_rule_fence");
        builder.HasIndex(a => a.RaisedAt);
        builder.HasIndex(a => a.State);
    }
}
