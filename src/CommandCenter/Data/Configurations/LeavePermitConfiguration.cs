using CommandCenter.Subjects;
using CommandCenter.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class LeavePermitConfiguration : IEntityTypeConfiguration<LeavePermit>
{
    public void Configure(EntityTypeBuilder<LeavePermit> builder)
    {
        builder.Property(p => p.Destination).HasMaxLength(100);
        builder.Property(p => p.Area).HasColumnType("geometry(Geometry,4326)");
        builder.Property(p => p.Purpose).HasMaxLength(500);
        builder.Property(p => p.RequestedBy).HasMaxLength(64);
        builder.Property(p => p.UrgentReason).HasMaxLength(500);
        builder.Property(p => p.ApprovedBy).HasMaxLength(64);
        builder.Property(p => p.RefusedBy).HasMaxLength(64);
        builder.Property(p => p.DecisionReason).HasMaxLength(500);
        builder.Property(p => p.RevokedBy).HasMaxLength(64);
        builder.Ignore(p => p.AwaitsDecision);
        builder.HasOne<Subject>().WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SubjectId, p.EndsAt });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_leave_permits_period", "ends_at > starts_at");
            t.HasCheckConstraint("ck_leave_permits_buffer", "buffer_meters >= 0");
            t.HasCheckConstraint("ck_leave_permits_requester", "requested_by IS NOT NULL OR requested_by_device_id IS NOT NULL");
            t.HasCheckConstraint("ck_leave_permits_one_decision", "approved_at IS NULL OR refused_at IS NULL");
        });
    }
}
