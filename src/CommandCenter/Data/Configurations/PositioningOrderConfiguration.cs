using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class PositioningOrderConfiguration : IEntityTypeConfiguration<PositioningOrder>
{
    public void Configure(EntityTypeBuilder<PositioningOrder> builder)
    {
        builder.Property(o => o.RequestedBy).HasMaxLength(64);
        builder.Property(o => o.RequestNote).HasMaxLength(500);
        builder.Property(o => o.DecidedBy).HasMaxLength(64);
        builder.Property(o => o.DecisionNote).HasMaxLength(500);
        builder.Property(o => o.EndedEarlyBy).HasMaxLength(64);
        builder.Property(o => o.EndedEarlyReason).HasMaxLength(500);
        builder.HasOne<Subject>().WithMany(s => s.PositioningOrders).HasForeignKey(o => o.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PositioningOrder>().WithMany().HasForeignKey(o => o.ExtendsOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.SubjectId, o.EndDate });
        builder.HasIndex(o => o.Status).HasFilter("status = 'Requested'").HasDatabaseName("ix_positioning_orders_awaiting_decision");
        builder.ToTable(t => t.HasCheckConstraint("ck_positioning_orders_dates", "end_date >= start_date"));
    }
}
