using CommandCenter.ProtectedPeople;
using CommandCenter.Squads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class ProtectedPersonConfiguration : IEntityTypeConfiguration<ProtectedPerson>
{
    public void Configure(EntityTypeBuilder<ProtectedPerson> builder)
    {
        builder.ToTable("protected_persons");
        builder.Property(p => p.Name).HasMaxLength(50);
        builder.Property(p => p.DeviceSerial).HasMaxLength(64);

        // One active phone per serial; a retired person keeps theirs for the record.
        builder.HasIndex(p => p.DeviceSerial).IsUnique().HasFilter("active");
        builder.Property(p => p.KeyHash).HasMaxLength(64).IsFixedLength();
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Squad>().WithMany().HasForeignKey(p => p.SquadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Links).WithOne().HasForeignKey(l => l.ProtectedPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
