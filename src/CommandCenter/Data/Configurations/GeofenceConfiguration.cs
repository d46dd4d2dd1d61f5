using CommandCenter.Fences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class GeofenceConfiguration : IEntityTypeConfiguration<Geofence>
{
    public void Configure(EntityTypeBuilder<Geofence> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.Area).HasColumnType("geometry(Geometry,4326)");
        builder.HasIndex(f => f.Area).HasMethod("gist");
        builder.OwnsOne(f => f.Schedule, schedule =>
        {
            schedule.ToJson();
            schedule.OwnsMany(s => s.Windows);
        });
        builder.ToTable(t => t.HasCheckConstraint("ck_geofences_buffer", "buffer_meters >= 0"));
    }
}
