using System.Text.Json;
using CommandCenter.Site.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class StoredSettingsConfiguration : IEntityTypeConfiguration<StoredSettings>
{
    private static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        d => d.Aggregate(0, (hash, entry) => hash ^ HashCode.Combine(entry.Key, entry.Value)),
        d => new Dictionary<string, string>(d));

    public void Configure(EntityTypeBuilder<StoredSettings> builder)
    {
        builder.ToTable("site_settings", table => table.HasCheckConstraint("ck_site_settings_one_row", $"id = {StoredSettings.Row}"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Values)
            .HasConversion(
                values => JsonSerializer.Serialize(values, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
                Comparer)
            .HasColumnType("jsonb");
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
