using CommandCenter.Geo.Fences;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Benchmarks.Geo;

/// <summary>
/// What a user without the in-memory index would do: keep the fences in PostGIS with a GiST index and
/// ask, for every position, which fences cover it (one query per position).
/// </summary>
internal sealed class PostGisPositions(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection = new(connectionString);

    /// <summary>Loads the fences' effective geometries into a fresh table with a GiST index.</summary>
    public async Task LoadAsync(IReadOnlyList<FenceDefinition> fences)
    {
        await _connection.OpenAsync();
        await ExecuteAsync("""
            CREATE EXTENSION IF NOT EXISTS postgis;
            DROP TABLE IF EXISTS bench_fences;
            CREATE TABLE bench_fences (id int PRIMARY KEY, geom geometry(Geometry, 4326));
            CREATE TEMP TABLE bench_fences_wkb (id int, wkb bytea);
            """);

        var wkb = new WKBWriter();
        await using (var copy = await _connection.BeginBinaryImportAsync("COPY bench_fences_wkb (id, wkb) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var fence in fences)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(fence.Id, NpgsqlDbType.Integer);
                await copy.WriteAsync(wkb.Write(fence.EffectiveGeometry), NpgsqlDbType.Bytea);
            }

            await copy.CompleteAsync();
        }

        await ExecuteAsync("""
            INSERT INTO bench_fences SELECT id, ST_GeomFromWKB(wkb, 4326) FROM bench_fences_wkb;
            DROP TABLE bench_fences_wkb;
            CREATE INDEX bench_fences_geom ON bench_fences USING gist (geom);
            ANALYZE bench_fences;
            """);
    }

    /// <summary>Asks PostGIS about the positions one query at a time for about <paramref name="window"/>; returns positions per second.</summary>
    public async Task<(double PerSecond, long Covered)> MeasureAsync(Coordinate[] positions, TimeSpan window)
    {
        await using var query = new NpgsqlCommand(
            "SELECT id FROM bench_fences WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))", _connection);
        var lon = new NpgsqlParameter<double> { NpgsqlDbType = NpgsqlDbType.Double };
        var lat = new NpgsqlParameter<double> { NpgsqlDbType = NpgsqlDbType.Double };
        query.Parameters.Add(lon);
        query.Parameters.Add(lat);
        await query.PrepareAsync();

        long covered = 0;
        for (int i = 0; i < 50; i++)
        {
            covered += await AskAsync(positions[i % positions.Length]);
        }

        covered = 0;
        int asked = 0;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (stopwatch.Elapsed < window)
        {
            covered += await AskAsync(positions[asked % positions.Length]);
            asked++;
        }

        return (asked / stopwatch.Elapsed.TotalSeconds, covered);

        async Task<long> AskAsync(Coordinate position)
        {
            lon.TypedValue = position.X;
            lat.TypedValue = position.Y;
            long rows = 0;
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
            }

            return rows;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            await ExecuteAsync("DROP TABLE IF EXISTS bench_fences");
        }

        await _connection.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
