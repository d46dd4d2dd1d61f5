using CommandCenter.Ingest.Partitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class HandedOffWorkConfiguration : IEntityTypeConfiguration<HandedOffWork>
{
    public void Configure(EntityTypeBuilder<HandedOffWork> builder)
    {
        builder.ToTable("ingest_hand_offs");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Event).HasMaxLength(20);

        // An owner takes its partitions' work in the order it was handed off.
        builder.HasIndex(w => new { w.Partition, w.Id });
    }
}
