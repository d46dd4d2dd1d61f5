using Npgsql;

namespace CommandCenter.Security.Audit;

/// <summary>
/// Appends to the audit trail. Appends are serialised by a transaction-scoped advisory lock so the
/// chain has no forks; a caller that changes data passes its own connection so the audit row commits
/// (or rolls back) with the change it records.
/// </summary>
public class AuditTrail(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const long ChainLock = 0x61756469745f6368; // "audit_ch"

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AppendAsync(connection, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Appends within the caller's open transaction on <paramref name="connection"/>.</summary>
    public async Task AppendAsync(NpgsqlConnection connection, AuditRecord given, CancellationToken cancellationToken = default)
    {
        var record = AuditFieldBounds.Apply(given);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", ChainLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        string previous;
        await using (var last = new NpgsqlCommand("SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1", connection))
        {
            previous = (string?)await last.ExecuteScalarAsync(cancellationToken) ?? AuditHash.Genesis;
        }

        // PostgreSQL keeps microseconds: hash what will be stored, so verification recomputes the same value.
        var now = time.GetUtcNow();
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
        var hash = AuditHash.Compute(previous, at, record.Actor, record.Action, record.Target, record.Detail, record.RemoteAddress);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_entries (at, actor, action, target, detail, remote_address, previous_hash, hash)
            VALUES (@at, @actor, @action, @target, @detail, @remote, @previous, @hash)
            """, connection);
        insert.Parameters.AddWithValue("at", at);
        insert.Parameters.AddWithValue("actor", record.Actor);
        insert.Parameters.AddWithValue("action", record.Action);
        insert.Parameters.AddWithValue("target", (object?)record.Target ?? DBNull.Value);
        insert.Parameters.AddWithValue("detail", (object?)record.Detail ?? DBNull.Value);
        insert.Parameters.AddWithValue("remote", (object?)record.RemoteAddress ?? DBNull.Value);
        insert.Parameters.AddWithValue("previous", previous);
        insert.Parameters.AddWithValue("hash", hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
