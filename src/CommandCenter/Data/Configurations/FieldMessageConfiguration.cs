using CommandCenter.FieldMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class FieldMessageConfiguration : IEntityTypeConfiguration<FieldMessage>
{
    public void Configure(EntityTypeBuilder<FieldMessage> builder)
    {
        builder.ToTable("field_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Channel).HasMaxLength(64);
        builder.Property(m => m.Recipient).HasMaxLength(32);
        builder.Property(m => m.Text).HasMaxLength(2000);
        builder.Property(m => m.DedupeKey).HasMaxLength(200);
        builder.Property(m => m.LastResult).HasMaxLength(300);
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.HasIndex(m => m.AlertEventId);

        // The courier's question: what is due now. Sent and failed rows are history it never reads.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("state = 'Pending'");
        builder.HasIndex(m => new { m.State, m.CreatedAt });
    }
}
