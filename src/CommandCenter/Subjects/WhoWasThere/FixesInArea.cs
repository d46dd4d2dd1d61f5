using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// The one SQL of the who-was-there search, over the positions table partitioned by day. The window on
/// fix_time prunes the partitions to the days searched; within each, the GiST index on location
/// (ix_positions_location) finds the fixes inside the area, and only then are they matched with the spans
/// an order covered, then measured on the spheroid. Each step is forced (MATERIALIZED) because the planner
/// cannot estimate what comes out of the one before: a radius filter applied straight to the fixes inside
/// was estimated at one row, which made it match every fix against every span in a nested loop (fixes x
/// covered people: at a province's 50,000 people, billions of comparisons), where a hash on the subject is
/// linear. JIT is off for the query: the estimate over 30 partitions passes its threshold, and compiling
/// took about a second, twice what the search itself takes.
/// </summary>
public class FixesInArea(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        WITH inside AS MATERIALIZED (
            SELECT p.subject_id, p.fix_time, p.location
            FROM positions p
            WHERE p.fix_time >= @from AND p.fix_time < @to AND ST_Intersects(p.location, @area)
        ), covered AS MATERIALIZED (
            SELECT i.subject_id, i.fix_time, i.location
            FROM inside i
            JOIN unnest(@subjects, @span_from, @span_to) AS c(subject_id, span_from, span_to)
              ON c.subject_id = i.subject_id AND i.fix_time >= c.span_from AND i.fix_time < c.span_to
        ), measured AS (
            SELECT subject_id, fix_time, location, ST_Distance(location::geography, @centre::geography) AS metres
            FROM covered
            WHERE @radius::double precision IS NULL OR ST_DWithin(location::geography, @centre::geography, @radius)
        ), nearest AS (
            SELECT DISTINCT ON (subject_id) subject_id, fix_time, metres, ST_Y(location) AS latitude, ST_X(location) AS longitude,
                   count(*) OVER (PARTITION BY subject_id) AS inside_count
            FROM measured
            ORDER BY subject_id, metres, fix_time
        )
        SELECT subject_id, fix_time, metres, latitude, longitude, inside_count
        FROM nearest
        ORDER BY metres, subject_id
        LIMIT @limit
        """;

    /// <summary>Each covered subject's fix closest to the centre, closest first, at most <paramref name="limit"/>.</summary>
    public async Task<List<NearestFix>> NearestAsync(WhoWasThereSearch search, IReadOnlyList<CoveredSpan> spans, int limit, CancellationToken cancellationToken)
    {
        var found = new List<NearestFix>();
        if (spans.Count == 0)
        {
            return found;
        }

        // SET LOCAL lasts only as long as the transaction, so the connection goes back to the pool as it came.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var noJit = new NpgsqlCommand("SET LOCAL jit = off", connection, transaction))
        {
            await noJit.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue("from", search.From);
        command.Parameters.AddWithValue("to", search.To);
        command.Parameters.AddWithValue("area", search.Area);
        command.Parameters.AddWithValue("centre", search.Centre);
        command.Parameters.Add(new NpgsqlParameter("radius", NpgsqlDbType.Double) { Value = (object?)search.RadiusMetres ?? DBNull.Value });
        command.Parameters.AddWithValue("subjects", spans.Select(s => s.SubjectId).ToArray());
        command.Parameters.AddWithValue("span_from", spans.Select(s => s.From.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("span_to", spans.Select(s => s.To.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new NearestFix(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetDouble(2),
                reader.GetDouble(3), reader.GetDouble(4), (int)reader.GetInt64(5)));
        }

        return found;
    }
}
