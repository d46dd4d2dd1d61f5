using Npgsql;

namespace CommandCenter.Security.Audit;

/// <summary>Writes the current head of the audit chain to the anchor file.</summary>
public class AuditAnchors(NpgsqlDataSource dataSource, AuditAnchorFile file, TimeProvider time)
{
    /// <summary>Anchors the head; returns it, or null when the trail is still empty.</summary>
    public async Task<AuditAnchor?> AnchorHeadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var anchor = new AuditAnchor(reader.GetInt64(0), reader.GetString(1), time.GetUtcNow());
        await file.AppendAsync(anchor, cancellationToken);
        return anchor;
    }
}
