using CommandCenter.Live.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class LiveLogCounterConfiguration : IEntityTypeConfiguration<LiveLogCounter>
{
    public void Configure(EntityTypeBuilder<LiveLogCounter> builder)
    {
        builder.ToTable("live_log_counter", t => t.HasCheckConstraint("ck_live_log_counter_one_row", "id = 1"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Epoch).HasMaxLength(64);
    }
}
