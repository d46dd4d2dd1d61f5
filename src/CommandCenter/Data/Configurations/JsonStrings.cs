using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

/// <summary>
/// Stores a list of strings as a jsonb array. A message's arguments are kept this way, not as text[], so that
/// the ingest writer can pass one argument list per alert through unnest() (a text[][] must be rectangular).
/// </summary>
public static class JsonStrings
{
    private static readonly ValueComparer<string[]?> Comparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        a => a == null ? 0 : a.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        a => a == null ? null : a.ToArray());

    public static PropertyBuilder<string[]?> AsJsonStrings(this PropertyBuilder<string[]?> property)
    {
        property.HasConversion(
                value => Serialize(value),
                json => Deserialize(json),
                Comparer)
            .HasColumnType("jsonb");
        return property;
    }

    /// <summary>The JSON text of the list, or null.</summary>
    public static string? Serialize(IReadOnlyList<string>? value) => value is null ? null : JsonSerializer.Serialize(value);

    /// <summary>The list from its JSON text, or null.</summary>
    public static string[]? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<string[]>(json);
}
