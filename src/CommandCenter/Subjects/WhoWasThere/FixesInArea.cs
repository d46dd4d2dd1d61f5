using CommandCenter.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// The one SQL of the who-was-there search, over the positions table partitioned by day. The window on
/// fix_time (the partition key itself) prunes the partitions to the days searched; within each, the GiST index
/// on location (ix_positions_location) finds the fixes inside the area. Only then are orders looked at, and only
/// for the few people found there, each on the days (in the site's calendar) their fixes fall on: a day counts
/// when an approved order was in force on it (<see cref="PositioningOrder.InForceOn"/>), and for a squad leader
/// only their squad's people count. The distance is measured on the spheroid once a fix, and the radius is that
/// same distance. Each step is forced (MATERIALIZED) because the planner cannot estimate what comes out of the
/// one before (a filter on the fixes inside was estimated at one row, which once made it a nested loop over
/// every order). JIT is off for the query: the estimate over 30 partitions passes its threshold, and compiling
/// took longer than the search itself. How few heap pages the fixes inside cost depends on the days' partitions
/// being ordered by place (<see cref="Data.PositionPartitions.ClusterSettledAsync"/>).
/// </summary>
public class FixesInArea(NpgsqlDataSource dataSource, SiteClock clock)
{
    private const string Sql = """
        WITH inside AS MATERIALIZED (
            SELECT p.subject_id, p.fix_time, p.location, (p.fix_time AT TIME ZONE @zone)::date AS day
            FROM positions p
            WHERE p.fix_time >= @from AND p.fix_time < @to AND ST_Intersects(p.location, @area)
        ), covered_days AS MATERIALIZED (
            SELECT d.subject_id, d.day
            FROM (SELECT DISTINCT subject_id, day FROM inside) d
            JOIN subjects s ON s.id = d.subject_id
            WHERE (@squad::integer IS NULL OR s.squad_id = @squad)
              AND EXISTS (
                  SELECT 1 FROM positioning_orders o
                  WHERE o.subject_id = d.subject_id AND o.status = 'Approved'
                    AND o.start_date <= d.day AND coalesce(o.ended_early_on, o.end_date) >= d.day)
        ), measured AS MATERIALIZED (
            SELECT i.subject_id, i.fix_time, i.location, ST_Distance(i.location::geography, @centre::geography) AS metres
            FROM inside i
            JOIN covered_days c ON c.subject_id = i.subject_id AND c.day = i.day
        ), nearest AS (
            SELECT DISTINCT ON (subject_id) subject_id, fix_time, metres, ST_Y(location) AS latitude, ST_X(location) AS longitude,
                   count(*) OVER (PARTITION BY subject_id) AS inside_count
            FROM measured
            WHERE @radius::double precision IS NULL OR metres <= @radius
            ORDER BY subject_id, metres, fix_time
        )
        SELECT subject_id, fix_time, metres, latitude, longitude, inside_count
        FROM nearest
        ORDER BY metres, subject_id
        LIMIT @limit
        """;

    /// <summary>
    /// Each covered subject's fix closest to the centre, closest first, at most <paramref name="limit"/>; only
    /// <paramref name="squad"/>'s people when it is given.
    /// </summary>
    public async Task<List<NearestFix>> NearestAsync(WhoWasThereSearch search, int? squad, int limit, CancellationToken cancellationToken)
    {
        // SET LOCAL lasts only as long as the transaction, so the connection goes back to the pool as it came.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var noJit = new NpgsqlCommand("SET LOCAL jit = off", connection, transaction))
        {
            await noJit.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue("zone", clock.Zone.Id);
        command.Parameters.AddWithValue("from", search.From);
        command.Parameters.AddWithValue("to", search.To);
        command.Parameters.AddWithValue("area", search.Area);
        command.Parameters.AddWithValue("centre", search.Centre);
        command.Parameters.Add(new NpgsqlParameter("radius", NpgsqlDbType.Double) { Value = (object?)search.RadiusMetres ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("squad", NpgsqlDbType.Integer) { Value = (object?)squad ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        var found = new List<NearestFix>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new NearestFix(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetDouble(2),
                reader.GetDouble(3), reader.GetDouble(4), (int)reader.GetInt64(5)));
        }

        return found;
    }
}
