using System.Diagnostics;
using System.Globalization;
using CommandCenter.Benchmarks.Support;
using CommandCenter.Geo;
using CommandCenter.Geo.Projections;
using CommandCenter.Subjects.WhoWasThere;
using CommandCenter.TestSupport.Postgis;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Benchmarks.Tracks;

/// <summary>
/// Who was there over 30 days of fixes at one a minute: the product's own query (<see cref="FixesInArea"/>) over the
/// migrated, day-partitioned positions table, for 20 random circles around places people go, first without the
/// product's spatial index (only the primary key and the (subject, time) index) and then with it. The people are
/// spread at a province's density (50,000 over Shandong's 155,000 km²), so an area holds about as many fixes as
/// it would there; what a province adds is more partitions' worth of rows outside the area, which the index
/// does not read and a scan without it does.
/// </summary>
internal sealed class TracksBenchmark : IBenchmarkSuite
{
    private const int Days = 30;
    private const int Areas = 20;
    private const double PeoplePerSquareKilometre = 50_000 / 155_000.0;

    /// <summary>The product's own texts, for the checks the searches go through.</summary>
    private static readonly IStringLocalizer<UiText> Text =
        new StringLocalizer<UiText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public string Name => "tracks";

    public async Task RunAsync(bool quick)
    {
        var people = int.Parse(Environment.GetEnvironmentVariable("BENCH_TRACKS_PEOPLE") ?? (quick ? "150" : "2000"), CultureInfo.InvariantCulture);
        var database = new PostgisDatabase();
        await database.InitializeAsync();
        try
        {
            await using var dataSource = new NpgsqlDataSourceBuilder(database.ConnectionString) { Name = "tracks-bench" }.UseNetTopologySuite().Build();
            var side = Math.Sqrt(people / PeoplePerSquareKilometre) * 1000;
            Figures.Note(string.Create(CultureInfo.InvariantCulture,
                $"{people} people x {Days} days x 1440 fixes a day = {(long)people * Days * 1440:N0} fixes, on a square of {side / 1000:0} km (a province's density); the target is 50,000 people (2.16 billion fixes)"));
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var first = today.AddDays(-Days);
            var loadSeconds = await LoadAsync(dataSource, people, first, side);
            var rows = await ScalarAsync<long>(dataSource, "SELECT count(*) FROM positions");
            Figures.Report("tracks_rows", rows, "rows");
            Figures.Report("tracks_load_rate", rows / loadSeconds, "rows/s");

            var searches = await AreasAsync(dataSource, people, first);
            var spans = Enumerable.Range(1, people).Select(id => new CoveredSpan(id, Start(first), Start(today))).ToList();
            var fixes = new FixesInArea(dataSource);

            var (without, _) = await MeasureAsync(fixes, searches, spans);
            Report("who_was_there_30d_ms_without_index", without);

            var built = Stopwatch.StartNew();
            await ExecuteAsync(dataSource, "CREATE INDEX ix_positions_location ON positions USING gist (location); ANALYZE positions;");
            Figures.Report("tracks_index_build_s", built.Elapsed.TotalSeconds, "s");
            var indexBytes = await ScalarAsync<long>(dataSource,
                "SELECT sum(pg_relation_size(i.indexrelid))::bigint FROM pg_index i JOIN pg_inherits h ON h.inhrelid = i.indrelid JOIN pg_class c ON c.oid = i.indexrelid WHERE h.inhparent = 'positions'::regclass AND c.relname LIKE '%location%'");
            Figures.Report("tracks_index_mb", indexBytes / 1e6, "MB");

            var (with, found) = await MeasureAsync(fixes, searches, spans);
            Report("who_was_there_30d_ms", with);
            Figures.Report("who_was_there_people_found_p50", Percentile(found, 0.5), "people");
            Figures.Note("p99 over 20 areas is the slowest but one, interpolated; each area is a circle of 200 to 1,000 m around a place people pass, over the whole 30 days");
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));

    /// <summary>
    /// One day partition at a time, fixes generated in the database: each person circles their home once a day on a loop of
    /// 0.3 to 3 km, as people go out and come back. Loaded without the spatial index, as a site that upgrades would have it.
    /// </summary>
    private static async Task<double> LoadAsync(NpgsqlDataSource dataSource, int people, DateOnly first, double side)
    {
        var (lon, lat) = (118.0, 36.0);
        var projection = new LocalTransverseMercator(lon, lat);
        var (westLon, southLat) = projection.Inverse(-side / 2, -side / 2);
        var (eastLon, northLat) = projection.Inverse(side / 2, side / 2);
        await ExecuteAsync(dataSource, string.Create(CultureInfo.InvariantCulture, $"""
            DROP INDEX IF EXISTS ix_positions_location;
            SELECT setseed(0.14);
            CREATE TABLE bench_people AS
            SELECT id, {westLon} + random() * {eastLon - westLon} AS lon, {southLat} + random() * {northLat - southLat} AS lat,
                   0.003 + random() * 0.027 AS loop_degrees, random() * 2 * pi() AS phase
            FROM generate_series(1, {people}) id;
            """));
        var stopwatch = Stopwatch.StartNew();
        for (var day = first; day < first.AddDays(Days); day = day.AddDays(1))
        {
            var from = Start(day);
            await ExecuteAsync(dataSource, string.Create(CultureInfo.InvariantCulture, $"""
                SELECT create_positions_partition('positions_{day:yyyyMMdd}', '{from:O}', '{from.AddDays(1):O}');
                INSERT INTO positions (device_id, fix_time, subject_id, received_at, location, accuracy_meters)
                SELECT p.id, t, p.id, t,
                       ST_SetSRID(ST_MakePoint(p.lon + p.loop_degrees * (cos(p.phase + a) - cos(p.phase)), p.lat + p.loop_degrees * (sin(p.phase + a) - sin(p.phase))), 4326), 10
                FROM generate_series(0, 1439) m
                CROSS JOIN LATERAL (SELECT '{from:O}'::timestamptz + m * interval '1 minute' AS t, 2 * pi() * m / 1440 AS a) minute
                CROSS JOIN bench_people p;
                """));
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        await ExecuteAsync(dataSource, "ANALYZE positions;");
        return seconds;
    }

    /// <summary>Circles of 200 to 1,000 m, each around a point on some person's daily loop, over the whole 30 days.</summary>
    private static async Task<List<WhoWasThereSearch>> AreasAsync(NpgsqlDataSource dataSource, int people, DateOnly first)
    {
        var random = new Random(14);
        var searches = new List<WhoWasThereSearch>();
        for (var i = 0; i < Areas; i++)
        {
            await using var command = dataSource.CreateCommand("SELECT lon + loop_degrees * (cos(phase + @a) - cos(phase)), lat + loop_degrees * (sin(phase + @a) - sin(phase)) FROM bench_people WHERE id = @id");
            command.Parameters.AddWithValue("id", random.Next(1, people + 1));
            command.Parameters.AddWithValue("a", random.NextDouble() * 2 * Math.PI);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (lon, lat) = (reader.GetDouble(0), reader.GetDouble(1));
            var request = new WhoWasThereRequest(Latitude: lat, Longitude: lon, RadiusMetres: 200 + random.NextDouble() * 800,
                From: Start(first), To: Start(first.AddDays(Days)), CaseNumber: "BENCH-0001");
            var options = new WhoWasThereOptions();
            var (search, errors) = WhoWasThereChecks.Check(request, options, DateTimeOffset.UtcNow, Text);
            searches.Add(search ?? throw new InvalidOperationException($"the benchmark's search was refused: {string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value))}"));
        }

        return searches;
    }

    private static async Task<(List<double> Milliseconds, List<double> Found)> MeasureAsync(FixesInArea fixes, List<WhoWasThereSearch> searches, List<CoveredSpan> spans)
    {
        await fixes.NearestAsync(searches[0], spans, 500, CancellationToken.None);
        var times = new List<double>();
        var found = new List<double>();
        foreach (var search in searches)
        {
            var stopwatch = Stopwatch.StartNew();
            var nearest = await fixes.NearestAsync(search, spans, 500, CancellationToken.None);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            found.Add(nearest.Count);
        }

        return (times, found);
    }

    private static void Report(string name, List<double> milliseconds)
    {
        Figures.Report($"{name}_p50", Percentile(milliseconds, 0.5), "ms");
        Figures.Report($"{name}_p99", Percentile(milliseconds, 0.99), "ms");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
