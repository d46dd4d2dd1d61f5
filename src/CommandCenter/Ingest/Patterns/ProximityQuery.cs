using CommandCenter.Alerts.Patterns;
using Npgsql;

namespace CommandCenter.Ingest.Patterns;

/// <summary>
/// The distances of co-defendant pairs over the recent minutes, from the stored positions: each fix of either person
/// is paired with the other's fix nearest in time within the gap allowed, and measured on the spheroid by PostGIS.
/// Anchoring on both sides keeps a pair whose devices report at different rates as densely sampled as the busier one.
/// </summary>
public static class ProximityQuery
{
    private const string Sql = """
        SELECT d.first, d.second, x.fix_time, ST_Distance(x.location::geography, y.location::geography)
        FROM unnest(@firsts, @seconds) AS p(first, second)
        CROSS JOIN LATERAL (VALUES (p.first, p.second, p.first, p.second), (p.first, p.second, p.second, p.first)) AS d(first, second, anchor, other)
        JOIN positions x ON x.subject_id = d.anchor AND x.fix_time > @since AND x.fix_time <= @now
        CROSS JOIN LATERAL (
            SELECT y.location FROM positions y
            WHERE y.subject_id = d.other AND y.fix_time BETWEEN x.fix_time - @gap AND x.fix_time + @gap
            ORDER BY abs(extract(epoch FROM y.fix_time - x.fix_time)) LIMIT 1
        ) y
        """;

    /// <summary>Each pair's samples between <paramref name="since"/> and <paramref name="now"/>.</summary>
    public static async Task<Dictionary<(long First, long Second), List<ProximitySample>>> SamplesAsync(NpgsqlConnection connection,
        IReadOnlyList<(PatternSubject First, PatternSubject Second)> pairs, DateTimeOffset since, DateTimeOffset now, TimeSpan gap, CancellationToken cancellationToken)
    {
        var samples = pairs.ToDictionary(p => (p.First.SubjectId, p.Second.SubjectId), _ => new List<ProximitySample>());
        if (pairs.Count == 0)
        {
            return samples;
        }

        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("firsts", pairs.Select(p => (int)p.First.SubjectId).ToArray());
        command.Parameters.AddWithValue("seconds", pairs.Select(p => (int)p.Second.SubjectId).ToArray());
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("gap", gap);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            samples[(reader.GetInt32(0), reader.GetInt32(1))].Add(new ProximitySample(reader.GetFieldValue<DateTimeOffset>(2), reader.GetDouble(3)));
        }

        return samples;
    }
}
