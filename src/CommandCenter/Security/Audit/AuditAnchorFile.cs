using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Audit;

/// <summary>
/// The anchor file: one line per anchor, <c>entry-id TAB hash TAB time TAB hmac</c>, where the HMAC-SHA256
/// (under a key kept outside the database) covers the first three fields. Lines are only ever appended.
/// </summary>
public class AuditAnchorFile(IOptions<AuditAnchorOptions> options)
{
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly Lazy<byte[]> key = new(() => AuditAnchorKey.Read(options.Value.KeyFile));

    public string Path => options.Value.File;

    public async Task AppendAsync(AuditAnchor anchor, CancellationToken cancellationToken)
    {
        var payload = Payload(anchor);
        var line = $"{payload}\t{Sign(payload)}\n";
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            // Append mode: the file is never truncated or rewritten by the app; flushed to disk before returning.
            await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Every line of the file, numbered from 1, with its anchor when its HMAC verifies and null when it does not.</summary>
    public async Task<IReadOnlyList<(int Line, AuditAnchor? Anchor)>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(Path))
        {
            return [];
        }

        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<(int, AuditAnchor?)>();
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (line.Length > 0)
            {
                lines.Add((number, Parse(line)));
            }
        }

        return lines;
    }

    private AuditAnchor? Parse(string line)
    {
        var cut = line.LastIndexOf('\t');
        if (cut < 0)
        {
            return null;
        }

        var payload = line[..cut];
        var given = line[(cut + 1)..];
        if (given.Length != 64 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(payload)), Encoding.ASCII.GetBytes(given.ToLowerInvariant())))
        {
            return null;
        }

        var fields = payload.Split('\t');
        return fields.Length == 3
            && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && DateTimeOffset.TryParse(fields[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? new AuditAnchor(id, fields[1], at)
            : null;
    }

    private static string Payload(AuditAnchor anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"{anchor.EntryId}\t{anchor.Hash}\t{anchor.At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ}");

    private string Sign(string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(payload)));
}
