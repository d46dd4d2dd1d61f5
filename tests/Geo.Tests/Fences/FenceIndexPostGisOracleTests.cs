using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Tests.Support;
using CommandCenter.TestSupport.Postgis;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Geo.Tests.Fences;

/// <summary>
/// PostGIS is the oracle: on the same fences and points, the index's verdicts must equal ST_Covers.
/// </summary>
public class FenceIndexPostGisOracleTests(PostgisDatabase database) : IClassFixture<PostgisDatabase>
{
    private const int MinimumPoints = 100_000;
    private static readonly FenceSubject Anyone = new(1, 1, 1);
    private static readonly DateTimeOffset AnyTime = new(2025, 3, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task VerdictsOnMoreThanAHundredThousandPointsEqualPostGisStCovers()
    {
        var random = new RandomFences(seed: 20250303);
        var fences = Fences(random);
        var points = Points(random, fences);
        var index = new FenceIndex(fences, TimeZoneInfo.Utc);

        var covered = await CoveredByPostGis(database.ConnectionString, fences, points);

        var mismatches = new List<string>();
        var verdict = new FenceVerdict();
        for (int p = 0; p < points.Count; p++)
        {
            index.Evaluate(points[p].X, points[p].Y, Anyone, AnyTime, verdict);
            foreach (var fence in fences)
            {
                bool expected = covered.Contains((p, fence.Id));
                bool inside = verdict.Inside.Contains(fence);
                bool outside = verdict.Outside.Contains(fence);
                bool agrees = fence.RequiresInside ? inside == expected && outside == !expected : inside == expected && !outside;
                if (!agrees && mismatches.Count < 20)
                {
                    mismatches.Add($"POINT({points[p].X:R} {points[p].Y:R}) fence {fence.Id} ({fence.Kind}): PostGIS covers={expected}, index inside={inside} outside={outside}");
                }
            }
        }

        Assert.True(points.Count >= MinimumPoints);
        Assert.True(covered.Count > points.Count / 20, $"too few covered pairs ({covered.Count}) to be a meaningful test");
        Assert.Empty(mismatches);
    }

    // Overlapping fences of every shape around one town: grid-snapped ones (whose edge points are exact)
    // and a few buffered ones (whose vertices are wherever the buffer put them).
    private static List<FenceDefinition> Fences(RandomFences random)
    {
        var kinds = Enum.GetValues<FenceKind>();
        var fences = new List<FenceDefinition>();
        for (int id = 1; id <= 66; id++)
        {
            bool buffered = id > 60;
            var geometry = random.Fence(
                centreLon: 118 + (random.Random.NextDouble() - 0.5) * 0.08,
                centreLat: 35 + (random.Random.NextDouble() - 0.5) * 0.08,
                radiusMetres: 300 + random.Random.NextDouble() * 2700,
                vertices: random.Random.Next(8, 300),
                holeChance: 0.4,
                multiChance: 0.3,
                snap: !buffered);
            fences.Add(new FenceDefinition(id, $"oracle {id}", kinds[id % kinds.Length], geometry,
                bufferMetres: buffered ? 25 + random.Random.NextDouble() * 175 : 0));
        }

        return fences;
    }

    // Every vertex, edge midpoint and quarter point of the snapped fences, then random points to fill.
    private static List<Coordinate> Points(RandomFences random, List<FenceDefinition> fences)
    {
        var points = new List<Coordinate>();
        foreach (var fence in fences.Where(f => f.BufferMetres == 0))
        {
            var rings = Enumerable.Range(0, fence.Geometry.NumGeometries)
                .Select(i => (Polygon)fence.Geometry.GetGeometryN(i))
                .SelectMany(p => p.InteriorRings.Prepend(p.ExteriorRing));
            foreach (var ring in rings)
            {
                var c = ring.Coordinates;
                for (int i = 0; i + 1 < c.Length; i++)
                {
                    points.Add(c[i].Copy());
                    points.Add(new Coordinate((c[i].X + c[i + 1].X) / 2, (c[i].Y + c[i + 1].Y) / 2));
                    points.Add(new Coordinate((3 * c[i].X + c[i + 1].X) / 4, (3 * c[i].Y + c[i + 1].Y) / 4));
                }
            }
        }

        var extent = new Envelope();
        fences.ForEach(f => extent.ExpandToInclude(f.EffectiveGeometry.EnvelopeInternal));
        int onGrid = 0;
        while (points.Count < MinimumPoints + 10_000)
        {
            points.Add(random.PointIn(extent, snap: onGrid++ % 2 == 0));
        }

        return points;
    }

    private static async Task<HashSet<(int Point, int Fence)>> CoveredByPostGis(string connectionString, List<FenceDefinition> fences, List<Coordinate> points)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, """
            CREATE EXTENSION IF NOT EXISTS postgis;
            CREATE TEMP TABLE oracle_fences (id int PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL);
            CREATE TEMP TABLE oracle_points (id int PRIMARY KEY, x float8 NOT NULL, y float8 NOT NULL);
            """);

        var wkb = new WKBWriter();
        foreach (var fence in fences)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO oracle_fences VALUES ($1, ST_GeomFromWKB($2, 4326))", connection);
            insert.Parameters.AddWithValue(fence.Id);
            insert.Parameters.AddWithValue(wkb.Write(fence.EffectiveGeometry));
            await insert.ExecuteNonQueryAsync();
        }

        // Binary COPY carries the doubles bit for bit, so a point on an edge stays exactly on it.
        await using (var copy = await connection.BeginBinaryImportAsync("COPY oracle_points (id, x, y) FROM STDIN (FORMAT BINARY)"))
        {
            for (int i = 0; i < points.Count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                await copy.WriteAsync(points[i].X, NpgsqlDbType.Double);
                await copy.WriteAsync(points[i].Y, NpgsqlDbType.Double);
            }

            await copy.CompleteAsync();
        }

        await Execute(connection, """
            ALTER TABLE oracle_points ADD COLUMN geom geometry(Point, 4326);
            UPDATE oracle_points SET geom = ST_SetSRID(ST_MakePoint(x, y), 4326);
            CREATE INDEX ON oracle_points USING gist (geom);
            ANALYZE oracle_fences; ANALYZE oracle_points;
            """);

        var covered = new HashSet<(int, int)>();
        await using var query = new NpgsqlCommand(
            "SELECT p.id, f.id FROM oracle_fences f JOIN oracle_points p ON ST_Covers(f.geom, p.geom)", connection)
        {
            CommandTimeout = 600,
        };
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            covered.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return covered;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
