using Npgsql;

namespace CommandCenter.Security.Audit;

/// <summary>Walks the audit trail in order and recomputes every hash; the first entry that does not match is the broken link.</summary>
public class AuditChainVerifier(NpgsqlDataSource dataSource)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, at, actor, action, target, detail, remote_address, previous_hash, hash FROM audit_entries ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expectedPrevious = AuditHash.Genesis;
        long count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new AuditEntry
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

            if (entry.PreviousHash != expectedPrevious)
            {
                return AuditChainReport.Broken(count, entry.Id, "its link to the previous entry does not match (an entry before it was removed or altered)");
            }

            if (AuditHash.Compute(entry) != entry.Hash)
            {
                return AuditChainReport.Broken(count, entry.Id, "its content does not match its hash (the entry was altered)");
            }

            expectedPrevious = entry.Hash;
            count++;
        }

        return AuditChainReport.Intact(count);
    }
}
