using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class PositioningOrderConfiguration : IEntityTypeConfiguration<PositioningOrder>
{
    public void Configure(EntityTypeBuilder<PositioningOrder> builder)
    {
        builder.Property(o => o.ApprovedBy).HasMaxLength(64);
        builder.HasOne<Subject>().WithMany(s => s.PositioningOrders).HasForeignKey(o => o.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.SubjectId, o.EndDate });
        builder.ToTable(t => t.HasCheckConstraint("ck_positioning_orders_dates", "end_date >= start_date"));
    }
}
