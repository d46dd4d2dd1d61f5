using CommandCenter.Cameras;
using CommandCenter.RollCalls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class RollCallConfiguration : IEntityTypeConfiguration<RollCall>
{
    public void Configure(EntityTypeBuilder<RollCall> builder)
    {
        builder.ToTable("roll_calls", t => t.HasCheckConstraint("ck_roll_calls_deadline", "deadline > called_at"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CalledBy).HasMaxLength(64);
        // A camera with roll calls behind it is kept: retire it instead, as the registry does for any camera with history.
        builder.HasOne<Camera>().WithMany().HasForeignKey(r => r.CameraId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Attendees).WithOne().HasForeignKey(a => a.RollCallId).OnDelete(DeleteBehavior.Cascade);
        // The desk lists the newest first.
        builder.HasIndex(r => r.CalledAt);
    }
}
