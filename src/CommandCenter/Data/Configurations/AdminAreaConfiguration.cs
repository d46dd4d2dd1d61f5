using CommandCenter.Map;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class AdminAreaConfiguration : IEntityTypeConfiguration<AdminArea>
{
    public void Configure(EntityTypeBuilder<AdminArea> builder)
    {
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(12);
        builder.Property(a => a.Name).HasMaxLength(64);
        builder.Property(a => a.Boundary).HasColumnType("geometry(MultiPolygon,4326)");
    }
}
