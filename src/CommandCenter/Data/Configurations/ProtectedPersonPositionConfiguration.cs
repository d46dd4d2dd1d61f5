using CommandCenter.ProtectedPeople;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class ProtectedPersonPositionConfiguration : IEntityTypeConfiguration<ProtectedPersonPosition>
{
    public void Configure(EntityTypeBuilder<ProtectedPersonPosition> builder)
    {
        builder.ToTable("protected_person_positions");
        builder.HasKey(p => p.ProtectedPersonId);
        builder.Property(p => p.ProtectedPersonId).ValueGeneratedNever();
        builder.Property(p => p.Location).HasColumnType("geometry(Point,4326)");
        builder.HasOne<ProtectedPerson>().WithOne().HasForeignKey<ProtectedPersonPosition>(p => p.ProtectedPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
