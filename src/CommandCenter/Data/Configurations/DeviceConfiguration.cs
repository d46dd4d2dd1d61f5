using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.Property(d => d.Serial).HasMaxLength(64);

        // One active device per serial; retired ones keep their serial for the history they carry.
        builder.HasIndex(d => d.Serial).IsUnique().HasFilter("active");
        builder.Property(d => d.KeyHash).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasOne(d => d.Subject).WithMany(s => s.Devices).HasForeignKey(d => d.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
