using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommandCenter.Security.Audit;

/// <summary>The hash chain of the audit trail: each entry's hash covers the previous hash and every field of the entry.</summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(string previousHash, DateTimeOffset at, string actor, string action, string? target, string? detail, string? remoteAddress)
    {
        // Length-prefixed fields, so that moving text from one field to the next changes the hash.
        var canonical = new StringBuilder()
            .Append(previousHash)
            .Append(Field(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)))
            .Append(Field(actor))
            .Append(Field(action))
            .Append(Field(target))
            .Append(Field(detail))
            .Append(Field(remoteAddress))
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static string Compute(AuditEntry entry) =>
        Compute(entry.PreviousHash, entry.At, entry.Actor, entry.Action, entry.Target, entry.Detail, entry.RemoteAddress);

    private static string Field(string? value) => value is null ? "|-" : $"|{value.Length}:{value}";
}
