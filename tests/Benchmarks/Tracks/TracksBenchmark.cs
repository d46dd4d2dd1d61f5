using System.Diagnostics;
using System.Globalization;
using CommandCenter.Benchmarks.Support;
using CommandCenter.Geo;
using CommandCenter.Geo.Projections;
using CommandCenter.Hosting;
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
/// migrated, day-partitioned positions table, for 20 random circles around places people go: first without the
/// product's spatial index (only the primary key and the (subject, time) index), then with it over the days as they
/// were written, then with each day ordered by place by the product's partition maintenance. The people are
/// spread at a province's density (50,000 over Shandong's 155,000 km²), so an area holds about as many fixes as
/// it would there; every search also looks up its people's orders among a province's 50,000 people's, as the
/// product does. What a province adds is more partitions' worth of rows outside the area, which the index does not
/// read and a scan without it does.
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
            // The days loaded end the day before yesterday, so that every one of them has settled and may be ordered by place.
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var first = today.AddDays(-Days - 1);
            var loadSeconds = await LoadAsync(dataSource, people, first, side);
            await OrdersAsync(dataSource, first);
            var rows = await ScalarAsync<long>(dataSource, "SELECT count(*) FROM positions");
            Figures.Report("tracks_rows", rows, "rows");
            Figures.Report("tracks_load_rate", rows / loadSeconds, "rows/s");

            var searches = await AreasAsync(dataSource, people, first);
            var fixes = new FixesInArea(dataSource, new SiteClock(Options.Create(new SiteOptions())));

            var (without, _) = await MeasureAsync(fixes, searches);
            Report("who_was_there_30d_ms_without_index", without);

            var built = Stopwatch.StartNew();
            await ExecuteAsync(dataSource, "CREATE INDEX ix_positions_location ON positions USING gist (location); ANALYZE positions;");
            Figures.Report("tracks_index_build_s", built.Elapsed.TotalSeconds, "s");
            var indexBytes = await ScalarAsync<long>(dataSource,
                "SELECT sum(pg_relation_size(i.indexrelid))::bigint FROM pg_index i JOIN pg_inherits h ON h.inhrelid = i.indrelid JOIN pg_class c ON c.oid = i.indexrelid WHERE h.inhparent = 'positions'::regclass AND c.relname LIKE '%location%'");
            Figures.Report("tracks_index_mb", indexBytes / 1e6, "MB");

            var (unordered, _) = await MeasureAsync(fixes, searches);
            Report("who_was_there_30d_ms_days_not_ordered", unordered);
            var unorderedPages = await HeapPagesAsync(dataSource, searches);

            var clusterSeconds = await ClusterAsync(dataSource);
            Figures.Report("tracks_order_by_place_s_per_day", clusterSeconds, "s");
            var (with, found) = await MeasureAsync(fixes, searches);
            Report("who_was_there_30d_ms", with);
            Figures.Report("who_was_there_people_found_p50", Percentile(found, 0.5), "people");
            Figures.Note("p99 over 20 areas is the slowest but one, interpolated; each area is a circle of 200 to 1,000 m around a place people pass, over the whole 30 days; the orders table holds 50,000 people's orders throughout");
            await ExtrapolateAsync(dataSource, searches, people, unorderedPages, Percentile(with, 0.5));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>
    /// What a search costs depends on, measured, and what that makes of a province. With the index, a search reads in
    /// each day partition a few index pages and then the heap pages that hold the fixes inside the area: as written,
    /// one page a fix (fixes arrive minute by minute for everyone at once); ordered by place, a few pages for them all.
    /// The people here are spread at a province's density, so an area holds as many fixes as it would there: the heap
    /// pages read stay the same, and each partition's index grows by a level or two (its fan-out is in the hundreds).
    /// The time measured here is therefore the province's time while its pages are in memory; a province's 30 days
    /// (about 170 GB of rows) are not, so the pages read are also turned into a time at a stated random-read latency.
    /// </summary>
    private static async Task ExtrapolateAsync(NpgsqlDataSource dataSource, List<WhoWasThereSearch> searches, int people, (double Fixes, double Pages) unordered, double measuredP50)
    {
        var (fixesInside, heapPages) = await HeapPagesAsync(dataSource, searches);
        var depth = await ScalarAsync<int>(dataSource, $"SELECT max(depth)::int FROM (SELECT 1 + ceil(ln(greatest(reltuples, 2)) / ln(200))::int AS depth FROM pg_class c JOIN pg_inherits h ON h.inhrelid = c.oid WHERE h.inhparent = 'positions'::regclass AND c.relkind = 'r') d");
        var provinceDepth = 1 + (int)Math.Ceiling(Math.Log(50_000 * 1440.0) / Math.Log(200));

        // Each partition's index is walked from its root: about two pages a level, the boxes of a GiST overlapping.
        var indexPages = Days * provinceDepth * 2;

        // A day is ordered by place once it has settled, so a window that ends now reads its last day as written.
        var lastDayAsWritten = unordered.Pages / Days;
        var provincePages = heapPages + lastDayAsWritten + indexPages;
        const double ColdReadMilliseconds = 0.1;
        Figures.Report("who_was_there_fixes_inside_p50", fixesInside, "fixes");
        Figures.Report("who_was_there_heap_pages_p50_days_not_ordered", unordered.Pages, "pages");
        Figures.Report("who_was_there_heap_pages_p50", heapPages, "pages");
        Figures.Report("who_was_there_province_pages_p50_estimate", provincePages, "pages");
        Figures.Report("who_was_there_province_warm_ms_p50_estimate", measuredP50, "ms");
        Figures.Report("who_was_there_province_cold_ms_p50_estimate", measuredP50 + provincePages * ColdReadMilliseconds, "ms");
        Figures.Report("who_was_there_province_cold_ms_p50_estimate_days_not_ordered", measuredP50 + (unordered.Pages + indexPages) * ColdReadMilliseconds, "ms");
        Figures.Note(string.Create(CultureInfo.InvariantCulture,
            $"province estimate, based on: the same fixes per area at the same density ({people} people here, 50,000 there), so the same heap pages per search ({heapPages:0} with the days ordered by place, {unordered.Pages:0} as written), plus {lastDayAsWritten:0} for a last day not yet ordered; 30 partitions whose index is {provinceDepth} levels deep instead of {depth} ({indexPages} index pages); warm = the p50 measured here, with 50,000 people's orders, all 30 days ordered; cold = plus one random read of {ColdReadMilliseconds} ms (an NVMe disk, one at a time) per page read"));
    }

    /// <summary>The fixes inside each area over the 30 days and the heap pages that hold them, both at p50 over the areas.</summary>
    private static async Task<(double Fixes, double Pages)> HeapPagesAsync(NpgsqlDataSource dataSource, List<WhoWasThereSearch> searches)
    {
        var fixesInside = new List<double>();
        var heapPages = new List<double>();
        foreach (var search in searches)
        {
            await using var command = dataSource.CreateCommand("""
                SELECT count(*), count(DISTINCT (tableoid, (ctid::text::point)[0]))
                FROM positions WHERE fix_time >= @from AND fix_time < @to AND ST_Intersects(location, @area)
                """);
            command.Parameters.AddWithValue("from", search.From);
            command.Parameters.AddWithValue("to", search.To);
            command.Parameters.AddWithValue("area", search.Area);
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            fixesInside.Add(reader.GetInt64(0));
            heapPages.Add(reader.GetInt64(1));
        }

        return (Percentile(fixesInside, 0.5), Percentile(heapPages, 0.5));
    }

    /// <summary>Orders every settled day by place through the product's own maintenance function, one day a call as it runs; the seconds a day.</summary>
    private static async Task<double> ClusterAsync(NpgsqlDataSource dataSource)
    {
        var stopwatch = Stopwatch.StartNew();
        var days = 0;
        while (await ScalarAsync<object>(dataSource, "SELECT cluster_settled_positions_partition()") is string)
        {
            days++;
        }

        if (days != Days)
        {
            throw new InvalidOperationException($"the maintenance ordered {days} days by place, not the {Days} loaded");
        }

        return stopwatch.Elapsed.TotalSeconds / days;
    }

    /// <summary>
    /// A province's 50,000 people, each with an approved order over the days loaded: the people loaded are the first of
    /// them (their ids are their fixes' subject ids), and the search looks its people's orders up among them all.
    /// </summary>
    private static async Task OrdersAsync(NpgsqlDataSource dataSource, DateOnly first)
    {
        await ExecuteAsync(dataSource, string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO squads (code, name, leader_name, duty_phone, base, jurisdiction, version)
            VALUES ('BENCH', '基准中队', '基准', '0000', ST_SetSRID(ST_MakePoint(118, 36), 4326),
                    ST_Multi(ST_MakeEnvelope(117, 35, 119, 37, 4326)), 0);
            INSERT INTO subjects (id, code, name, id_number, phone, correction_type, supervision_level, risk_level, status, squad_id,
                                  term_start, term_end, intake_date, home_address)
            SELECT g, 'B' || lpad(g::text, 6, '0'), '基准' || g, lpad(g::text, 18, '0'), '1810' || lpad(g::text, 7, '0'),
                   'SuspendedSentence', 'Ordinary', 'Low', 'InCorrection', (SELECT id FROM squads WHERE code = 'BENCH'),
                   '{first.AddDays(-100):yyyy-MM-dd}', '{first.AddDays(300):yyyy-MM-dd}', '{first.AddDays(-95):yyyy-MM-dd}', '基准'
            FROM generate_series(1, 50000) g;
            INSERT INTO positioning_orders (subject_id, reason, status, start_date, end_date, requested_by, requested_at, decided_by, decided_at)
            SELECT g, 'ProhibitionOrderBreach', 'Approved', '{first:yyyy-MM-dd}', '{first.AddDays(Days + 30):yyyy-MM-dd}', '基准', now(), '基准', now()
            FROM generate_series(1, 50000) g;
            ANALYZE subjects, positioning_orders;
            """));
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

    private static async Task<(List<double> Milliseconds, List<double> Found)> MeasureAsync(FixesInArea fixes, List<WhoWasThereSearch> searches)
    {
        await fixes.NearestAsync(searches[0], null, 500, CancellationToken.None);
        var times = new List<double>();
        var found = new List<double>();
        foreach (var search in searches)
        {
            var stopwatch = Stopwatch.StartNew();
            var nearest = await fixes.NearestAsync(search, null, 500, CancellationToken.None);
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
