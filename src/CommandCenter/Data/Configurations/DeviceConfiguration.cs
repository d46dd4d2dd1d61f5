using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.Property(d => d.Serial).HasMaxLength(64);
        builder.HasIndex(d => d.Serial).IsUnique();
        builder.Property(d => d.KeyHash).HasMaxLength(64).IsFixedLength();
        builder.HasOne(d => d.Subject).WithMany(s => s.Devices).HasForeignKey(d => d.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
