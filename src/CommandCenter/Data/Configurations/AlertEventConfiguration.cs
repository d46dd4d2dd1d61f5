using CommandCenter.AlertLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(64);
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.Property(e => e.NoteKey).HasMaxLength(64);
        builder.Property(e => e.NoteArgs).AsJsonStrings();
        builder.HasIndex(e => new { e.AlertId, e.At });
    }
}
