using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Live.Log;

/// <summary>
/// Appends to the live log inside the caller's transaction, and wakes every node's <see cref="LiveLogTail"/>.
/// </summary>
/// <remarks>
/// The numbers come from one counter row, incremented in the same transaction, rather than from a sequence.
/// A sequence hands out numbers that a rolled-back transaction never uses (gaps), and numbers that commit
/// out of order: a reader could see 12 before 11 commits and, reading "after 12" next time, miss 11 for
/// good. The counter row's lock is held until the transaction ends, so the next writer takes its number
/// only after this one committed (or rolled back, taking its increment with it): the numbers have no gaps
/// and become visible in order, which is what lets every node tail the log with "seq &gt; last". The price is
/// that writers of live messages take turns from their append to their commit, so callers append last,
/// just before they commit. NOTIFY is transactional too: the wake-up is delivered at commit, never before.
/// </remarks>
public class LiveLog(TimeProvider time)
{
    /// <summary>The channel every node LISTENs on; the notification carries nothing, the log is the message.</summary>
    public const string Channel = "live_log";

    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private const string Append = $"""
        WITH counter AS (
            INSERT INTO live_log_counter AS c (id, seq, epoch) VALUES (1, @count, md5(random()::text || clock_timestamp()::text))
            ON CONFLICT (id) DO UPDATE SET seq = c.seq + @count
            RETURNING seq)
        INSERT INTO live_log (seq, at, kind, payload)
        SELECT counter.seq - @count + u.n, @at, u.kind, u.payload::jsonb
        FROM counter, unnest(@kinds, @payloads) WITH ORDINALITY AS u(kind, payload, n)
        RETURNING seq;
        SELECT pg_notify('{Channel}', '')
        """;

    /// <summary>
    /// Appends the records, in order, within the open transaction on <paramref name="connection"/>; answers
    /// their numbers. Nothing is appended for no records.
    /// </summary>
    public async Task<IReadOnlyList<long>> AppendAsync(NpgsqlConnection connection, IReadOnlyList<LiveLogRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(Append, connection);
        command.Parameters.AddWithValue("count", (long)records.Count);
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        command.Parameters.AddWithValue("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text, records.Select(r => r.Kind).ToArray());
        command.Parameters.AddWithValue("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text,
            records.Select(r => JsonSerializer.Serialize(r.Payload, PayloadJson)).ToArray());
        var numbers = new List<long>(records.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                numbers.Add(reader.GetInt64(0));
            }
        }

        numbers.Sort();
        return numbers;
    }

    public async Task<long> AppendAsync(NpgsqlConnection connection, LiveLogRecord record, CancellationToken cancellationToken) =>
        (await AppendAsync(connection, [record], cancellationToken))[0];
}
