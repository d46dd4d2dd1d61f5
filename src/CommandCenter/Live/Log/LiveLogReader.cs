using System.Text.Json;
using Npgsql;

namespace CommandCenter.Live.Log;

/// <summary>Reads the live log: its bounds, and entries after a number in order.</summary>
public class LiveLogReader(NpgsqlDataSource dataSource)
{
    private const string EnsureCounter = """
        INSERT INTO live_log_counter (id, seq, epoch) VALUES (1, 0, md5(random()::text || clock_timestamp()::text))
        ON CONFLICT (id) DO NOTHING
        """;

    private const string Bounds = "SELECT c.epoch, c.seq, (SELECT min(seq) FROM live_log) FROM live_log_counter c WHERE c.id = 1";

    private const string After = """
        SELECT seq, at, kind, payload::text FROM live_log
        WHERE seq > @after AND (@alerts_only = false OR kind IN ('alertRaised', 'alertChanged'))
          AND (@squad::integer IS NULL OR (payload->>'squadId')::integer = @squad)
        ORDER BY seq LIMIT @limit
        """;

    /// <summary>The epoch, the latest number and the oldest number kept (null when nothing is kept).</summary>
    public async Task<LiveLogBounds> BoundsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await BoundsAsync(connection, cancellationToken);
    }

    public static async Task<LiveLogBounds> BoundsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var ensure = new NpgsqlCommand(EnsureCounter, connection))
        {
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = new NpgsqlCommand(Bounds, connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LiveLogBounds(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
    }

    /// <summary>Up to <paramref name="limit"/> entries numbered after <paramref name="after"/>, in order.</summary>
    public async Task<List<LiveLogEntry>> AfterAsync(long after, int limit, bool alertsOnly, int? squad, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await AfterAsync(connection, after, limit, alertsOnly, squad, cancellationToken);
    }

    public static async Task<List<LiveLogEntry>> AfterAsync(
        NpgsqlConnection connection, long after, int limit, bool alertsOnly, int? squad, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(After, connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("alerts_only", alertsOnly);
        command.Parameters.AddWithValue("squad", NpgsqlTypes.NpgsqlDbType.Integer, (object?)squad ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit);
        var entries = new List<LiveLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LiveLogEntry
            {
                Seq = reader.GetInt64(0),
                At = reader.GetFieldValue<DateTimeOffset>(1),
                Kind = reader.GetString(2),
                Payload = reader.GetString(3),
            });
        }

        return entries;
    }

    public static LiveLogPayload PayloadOf(LiveLogEntry entry) =>
        JsonSerializer.Deserialize<LiveLogPayload>(entry.Payload, LiveLog.PayloadJson) ?? LiveLogPayload.None;
}
