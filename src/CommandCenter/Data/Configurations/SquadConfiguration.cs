using CommandCenter.Squads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class SquadConfiguration : IEntityTypeConfiguration<Squad>
{
    public void Configure(EntityTypeBuilder<Squad> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(16);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.LeaderName).HasMaxLength(64);
        builder.Property(s => s.DutyPhone).HasMaxLength(32);
        builder.Property(s => s.Base).HasColumnType("geometry(Point,4326)");
        builder.Property(s => s.Jurisdiction).HasColumnType("geometry(MultiPolygon,4326)");
        builder.HasIndex(s => s.Jurisdiction).HasMethod("gist");
    }
}
