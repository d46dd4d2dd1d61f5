using CommandCenter.Alerts.Patterns;
using Npgsql;

namespace CommandCenter.Ingest.Patterns;

/// <summary>
/// Sums each finished day's movement per subject into <c>movement_days</c>, and reads it back. Movement is the
/// distance between a device's consecutive fixes (a subject with two devices would otherwise zig-zag between them),
/// on the spheroid; a step shorter than <see cref="MinStepMetres"/> is the drift of a device at rest and counts as
/// none. A step belongs to the night or the day by the site's local time of the fix that ends it.
/// </summary>
public static class MovementDays
{
    /// <summary>Below this a step is GPS drift, not movement: ordinary fixes wander by tens of metres at rest.</summary>
    public const double MinStepMetres = 50;

    private const string Missing = """
        SELECT d::date FROM generate_series(@from::timestamp, @until::timestamp - interval '1 day', interval '1 day') AS d
        WHERE NOT EXISTS (SELECT 1 FROM movement_days m WHERE m.day = d::date)
        ORDER BY d DESC LIMIT @limit
        """;

    private const string Sum = """
        INSERT INTO movement_days (subject_id, day, night_metres, day_metres, fixes)
        SELECT subject_id, @day,
               COALESCE(sum(metres) FILTER (WHERE night), 0), COALESCE(sum(metres) FILTER (WHERE NOT night), 0), count(*)
        FROM (
            SELECT subject_id,
                   CASE WHEN step >= @min_step THEN step ELSE 0 END AS metres,
                   CASE WHEN @wraps THEN local_time >= @night_from OR local_time < @night_until
                        ELSE local_time >= @night_from AND local_time < @night_until END AS night
            FROM (
                SELECT subject_id, (fix_time AT TIME ZONE @zone)::time AS local_time,
                       COALESCE(ST_Distance(location::geography, (lag(location) OVER w)::geography), 0) AS step
                FROM positions
                WHERE fix_time >= @start AND fix_time < @end
                WINDOW w AS (PARTITION BY subject_id, device_id ORDER BY fix_time)
            ) steps
        ) judged
        GROUP BY subject_id
        ON CONFLICT (subject_id, day) DO NOTHING
        """;

    private const string Read = """
        SELECT subject_id, day, night_metres, day_metres, fixes FROM movement_days
        WHERE day >= @from AND day < @until AND subject_id = ANY(@ids)
        """;

    /// <summary>
    /// Sums the days from <paramref name="from"/> up to <paramref name="until"/> (excluded) not yet summed, newest first
    /// and at most <paramref name="limit"/> of them, so that a new site fills its weeks over a few runs. A day with no
    /// fix anywhere is looked at again by the next run, which costs one empty index range.
    /// </summary>
    public static async Task<int> SumMissingAsync(NpgsqlConnection connection, DateOnly from, DateOnly until, int limit, TimeZoneInfo zone,
        TimeOnly nightFrom, TimeOnly nightUntil, CancellationToken cancellationToken)
    {
        var missing = new List<DateOnly>();
        await using (var find = new NpgsqlCommand(Missing, connection))
        {
            find.Parameters.AddWithValue("from", from.ToDateTime(TimeOnly.MinValue));
            find.Parameters.AddWithValue("until", until.ToDateTime(TimeOnly.MinValue));
            find.Parameters.AddWithValue("limit", limit);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                missing.Add(reader.GetFieldValue<DateOnly>(0));
            }
        }

        foreach (var day in missing)
        {
            await using var sum = new NpgsqlCommand(Sum, connection);
            sum.Parameters.AddWithValue("day", day);
            sum.Parameters.AddWithValue("start", StartOf(day, zone));
            sum.Parameters.AddWithValue("end", StartOf(day.AddDays(1), zone));
            sum.Parameters.AddWithValue("zone", zone.Id);
            sum.Parameters.AddWithValue("min_step", MinStepMetres);
            sum.Parameters.AddWithValue("wraps", nightFrom > nightUntil);
            sum.Parameters.AddWithValue("night_from", nightFrom);
            sum.Parameters.AddWithValue("night_until", nightUntil);
            await sum.ExecuteNonQueryAsync(cancellationToken);
        }

        return missing.Count;
    }

    /// <summary>The summed days of these subjects from <paramref name="from"/> up to <paramref name="until"/> (excluded).</summary>
    public static async Task<Dictionary<int, List<DailyMovement>>> ReadAsync(NpgsqlConnection connection, IReadOnlyCollection<int> subjectIds,
        DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var days = new Dictionary<int, List<DailyMovement>>();
        await using var command = new NpgsqlCommand(Read, connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("until", until);
        command.Parameters.AddWithValue("ids", subjectIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var subjectId = reader.GetInt32(0);
            if (!days.TryGetValue(subjectId, out var list))
            {
                list = [];
                days[subjectId] = list;
            }

            list.Add(new DailyMovement(reader.GetFieldValue<DateOnly>(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt32(4)));
        }

        return days;
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
