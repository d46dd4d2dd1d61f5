using System.Text;

namespace CommandCenter.Security.Audit;

/// <summary>
/// The longest each field of an audit entry may be, and how a longer or unprintable value is made to fit.
/// The trail bounds a record before it hashes it, so what is hashed is exactly what is stored: a field
/// cut after hashing (as the database would) would break the chain for good.
/// </summary>
public static class AuditFieldBounds
{
    public const int Actor = 64;
    public const int Action = 64;
    public const int Target = 200;
    public const int Detail = 2000;
    public const int RemoteAddress = 64;

    /// <summary>Marks a value that was cut, so a reader sees that the entry holds less than was given.</summary>
    public const char CutMarker = '…';

    /// <summary>Stands for a control character (PostgreSQL refuses NUL in text) or a broken surrogate.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>The record with every field made safe to store and cut to its bound.</summary>
    public static AuditRecord Apply(AuditRecord record) => new(
        Bound(record.Actor, Actor) ?? string.Empty,
        Bound(record.Action, Action) ?? string.Empty,
        Bound(record.Target, Target),
        Bound(record.Detail, Detail),
        Bound(record.RemoteAddress, RemoteAddress));

    public static string? Bound(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var clean = Clean(value);
        if (clean.Length <= maxLength)
        {
            return clean;
        }

        // Never split a surrogate pair: half of one cannot be stored as UTF-8.
        var keep = maxLength - 1;
        if (char.IsHighSurrogate(clean[keep - 1]))
        {
            keep--;
        }

        return string.Concat(clean.AsSpan(0, keep), CutMarker.ToString());
    }

    private static string Clean(string value)
    {
        StringBuilder? built = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var bad = char.IsControl(c) || (char.IsSurrogate(c) && !pair);
            if (bad && built is null)
            {
                built = new StringBuilder(value.Length).Append(value, 0, i);
            }

            if (pair)
            {
                built?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            built?.Append(bad ? Replacement : c);
        }

        return built?.ToString() ?? value;
    }
}
