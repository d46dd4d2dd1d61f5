using CommandCenter.AlertLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class AlertPhotoConfiguration : IEntityTypeConfiguration<AlertPhoto>
{
    public void Configure(EntityTypeBuilder<AlertPhoto> builder)
    {
        builder.ToTable("alert_photos");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(p => p.TakenBy).HasMaxLength(64);
        builder.HasOne<Alert>().WithMany().HasForeignKey(p => p.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AlertEvent>().WithMany().HasForeignKey(p => p.AlertEventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.AlertEventId);
        builder.HasIndex(p => p.AlertId);
    }
}
