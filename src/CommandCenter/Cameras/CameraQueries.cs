using Npgsql;

namespace CommandCenter.Cameras;

/// <summary>
/// Camera questions PostGIS answers best: the registry, and the cameras nearest a place. A retired camera stays in
/// the registry for its history, but no screen is offered it: the nearest-camera search (the wall, the desk) leaves it out.
/// </summary>
public class CameraQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, code, name, ST_Y(location), ST_X(location), stream_url, snapshot_url";
    private const string Trailer = "retired_at, xmin::text::bigint";

    /// <param name="includeRetired">Whether retired cameras are listed too (the registry page); the API leaves them out unless asked.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<List<CameraView>> AllAsync(bool includeRetired, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns}, NULL::float8, {Trailer} FROM cameras WHERE @all OR retired_at IS NULL ORDER BY code");
        command.Parameters.AddWithValue("all", includeRetired);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// The cameras nearest a point, nearest first, optionally only within a radius (metres on the spheroid).
    /// The GiST index finds candidates by planar distance; they are ranked again in metres, because a degree
    /// of longitude is shorter than a degree of latitude here.
    /// </summary>
    public async Task<List<CameraView>> NearestAsync(double latitude, double longitude, int limit, double? withinMeters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH here AS (SELECT ST_SetSRID(ST_MakePoint(@lon, @lat), 4326) AS point),
                 candidates AS (
                     SELECT c.*, c.xmin FROM cameras c, here
                     WHERE c.retired_at IS NULL
                       AND (@within::float8 IS NULL OR ST_DWithin(c.location::geography, here.point::geography, @within))
                     ORDER BY c.location <-> here.point
                     LIMIT @candidates)
            SELECT {Columns}, ST_Distance(location::geography, (SELECT point FROM here)::geography) AS metres, {Trailer}
            FROM candidates ORDER BY metres LIMIT @limit
            """);
        command.Parameters.AddWithValue("lat", latitude);
        command.Parameters.AddWithValue("lon", longitude);
        command.Parameters.AddWithValue("within", (object?)withinMeters ?? DBNull.Value);
        command.Parameters.AddWithValue("candidates", limit * 3 + 5);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<List<CameraView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var cameras = new List<CameraView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cameras.Add(new CameraView(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : Math.Round(reader.GetDouble(7), 1),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                (uint)reader.GetInt64(9)));
        }

        return cameras;
    }
}
