using Npgsql;

namespace CommandCenter.Security.Audit;

/// <summary>
/// Walks the audit trail in order and recomputes every hash, naming every broken link. After a break the
/// walk goes on, judging each entry against its own stored predecessor, so one break cannot hide later
/// tampering. With anchors, each anchor's HMAC is checked and the entry it names must still carry the
/// anchored hash: a chain recomputed by someone holding only the database fails there.
/// </summary>
public class AuditChainVerifier(NpgsqlDataSource dataSource, AuditAnchorFile anchorFile)
{
    /// <summary>The columns <see cref="ReadEntry"/> reads, in its order.</summary>
    public const string EntryColumns = "id, at, actor, action, target, detail, remote_address, previous_hash, hash";

    /// <summary>The chain alone, as the database holds it.</summary>
    public Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken = default) =>
        WalkAsync([], cancellationToken);

    /// <summary>The chain and every anchor written outside the database.</summary>
    public async Task<AuditChainReport> VerifyWithAnchorsAsync(CancellationToken cancellationToken = default) =>
        await WalkAsync(await anchorFile.ReadAsync(cancellationToken), cancellationToken);

    private async Task<AuditChainReport> WalkAsync(IReadOnlyList<(int Line, AuditAnchor? Anchor)> anchorLines, CancellationToken cancellationToken)
    {
        var breaks = new BreakList();
        foreach (var (line, _) in anchorLines.Where(a => a.Anchor is null))
        {
            breaks.Add(new AuditChainBreak(null, AuditBreakKind.ForgedAnchor, line));
        }

        var anchored = anchorLines.Where(a => a.Anchor is not null).ToLookup(a => a.Anchor!.EntryId);
        var met = new HashSet<long>();

        await using var command = dataSource.CreateCommand(
            $"SELECT {EntryColumns} FROM audit_entries ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var storedPrevious = AuditHash.Genesis;
        long count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = ReadEntry(reader);
            if (entry.PreviousHash != storedPrevious)
            {
                breaks.Add(new AuditChainBreak(entry.Id, AuditBreakKind.Link));
            }

            if (AuditHash.Compute(entry) != entry.Hash)
            {
                breaks.Add(new AuditChainBreak(entry.Id, AuditBreakKind.Content));
            }

            foreach (var (line, anchor) in anchored[entry.Id])
            {
                met.Add(entry.Id);
                if (anchor!.Hash != entry.Hash)
                {
                    breaks.Add(new AuditChainBreak(entry.Id, AuditBreakKind.AnchorMismatch, line));
                }
            }

            storedPrevious = entry.Hash;
            count++;
        }

        // An anchored entry that is gone: the trail was cut back (or the entry deleted).
        foreach (var group in anchored.Where(g => !met.Contains(g.Key)))
        {
            foreach (var (line, _) in group)
            {
                breaks.Add(new AuditChainBreak(group.Key, AuditBreakKind.AnchorMismatch, line));
            }
        }

        return new AuditChainReport(count, anchorLines.Count, breaks.Listed, breaks.Count);
    }

    /// <summary>The entry at the reader's row, selected with <see cref="EntryColumns"/>.</summary>
    public static AuditEntry ReadEntry(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        At = reader.GetFieldValue<DateTimeOffset>(1),
        Actor = reader.GetString(2),
        Action = reader.GetString(3),
        Target = reader.IsDBNull(4) ? null : reader.GetString(4),
        Detail = reader.IsDBNull(5) ? null : reader.GetString(5),
        RemoteAddress = reader.IsDBNull(6) ? null : reader.GetString(6),
        PreviousHash = reader.GetString(7),
        Hash = reader.GetString(8),
    };

    private sealed class BreakList
    {
        public List<AuditChainBreak> Listed { get; } = [];

        public int Count { get; private set; }

        public void Add(AuditChainBreak found)
        {
            Count++;
            if (Listed.Count < AuditChainReport.MaxListed)
            {
                Listed.Add(found);
            }
        }
    }
}
