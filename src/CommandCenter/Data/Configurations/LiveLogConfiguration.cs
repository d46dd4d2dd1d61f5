using CommandCenter.Live.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class LiveLogConfiguration : IEntityTypeConfiguration<LiveLogEntry>
{
    public void Configure(EntityTypeBuilder<LiveLogEntry> builder)
    {
        builder.ToTable("live_log");
        builder.HasKey(e => e.Seq);
        builder.Property(e => e.Seq).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Payload).HasColumnType("jsonb");

        // The pruning deletes by age.
        builder.HasIndex(e => e.At);
    }
}
