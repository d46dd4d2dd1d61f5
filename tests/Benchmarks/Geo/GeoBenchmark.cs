using System.Diagnostics;
using CommandCenter.Benchmarks.Support;
using CommandCenter.Geo;
using CommandCenter.Geo.Fences;
using NetTopologySuite.Geometries;

namespace CommandCenter.Benchmarks.Geo;

/// <summary>
/// The geo suite: 10,000 fences of 50 to 1,000 vertices on one thread. Point-in-fence tests, whole
/// index lookups (envelope, scope, schedule, exact test), index rebuild and memory, and the same
/// positions answered by PostGIS one query at a time when a database is given (CC_TEST_DB).
/// </summary>
internal sealed class GeoBenchmark : IBenchmarkSuite
{
    private const double Megabyte = 1024 * 1024;
    private const int PairCount = 100_000;
    private const int PositionCount = 100_000;

    public string Name => "geo";

    public async Task RunAsync(bool quick)
    {
        var window = TimeSpan.FromSeconds(quick ? 2 : 10);
        var databaseWindow = TimeSpan.FromSeconds(quick ? 5 : 20);
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Figures.Note($"geo: {BenchmarkFences.FenceCount} fences of 50-1000 vertices, one thread, {(quick ? "quick" : "full")} run");

        var data = new BenchmarkFences();
        long heapBefore = Figures.HeapBytes();
        var stopwatch = Stopwatch.StartNew();
        var fences = Enumerable.Range(1, BenchmarkFences.FenceCount).Select(data.Fence).ToArray();
        double compileSeconds = stopwatch.Elapsed.TotalSeconds;
        long heapWithFences = Figures.HeapBytes();

        Figures.Report("fences", fences.Length, "count");
        Figures.Report("fence_vertices", fences.Sum(f => (double)f.EffectiveGeometry.NumPoints), "count");
        Figures.Report("fence_generate_and_compile_time", compileSeconds, "s");
        Figures.Report("fence_definitions_memory", (heapWithFences - heapBefore) / Megabyte, "MB");

        FenceIndex index = null!;
        double coldBuild = Figures.Milliseconds(() => index = new FenceIndex(fences, timeZone));
        long heapWithIndex = Figures.HeapBytes();
        Figures.Report("index_build_cold", coldBuild, "ms");
        Figures.Report("index_memory", (heapWithIndex - heapWithFences) / Megabyte, "MB");

        MeasureRebuild(data, fences, index);
        MeasurePointInFence(data, fences, window);
        var positions = data.Positions(fences, PositionCount);
        double lookupRate = MeasureLookup(data, index, positions, window);

        if (Environment.GetEnvironmentVariable("CC_TEST_DB") is { Length: > 0 } connectionString)
        {
            await using var postGis = new PostGisPositions(connectionString);
            double load = Figures.Milliseconds(() => postGis.LoadAsync(fences).GetAwaiter().GetResult());
            Figures.Report("postgis_load_time", load / 1000, "s");
            var (postGisRate, _) = await postGis.MeasureAsync(positions, databaseWindow);
            Figures.Report("postgis_lookup", postGisRate, "positions/s");
            Figures.Report("index_lookup_vs_postgis", lookupRate / postGisRate, "x");
        }
        else
        {
            Figures.Note("PostGIS figures skipped: CC_TEST_DB is not set");
        }
    }

    // A saved change: one fence replaced, 9,999 reused (already prepared), a new tree built and swapped in.
    private static void MeasureRebuild(BenchmarkFences data, FenceDefinition[] fences, FenceIndex index)
    {
        var holder = new FenceIndexHolder(index);
        var changes = Enumerable.Range(0, 7).Select(_ => data.Fence(1 + data.Random.Next(fences.Length))).ToArray();
        var times = changes.Select(change => Figures.Milliseconds(() => holder.Upsert(change))).Order().ToArray();
        Figures.Report("index_rebuild", times[times.Length / 2], "ms");

        double all = Figures.Milliseconds(() => holder.ReplaceAll(fences));
        Figures.Report("index_rebuild_all_prepared", all, "ms");
    }

    // Exact tests of points that lie inside the fence's envelope, where no shortcut applies.
    private static void MeasurePointInFence(BenchmarkFences data, FenceDefinition[] fences, TimeSpan window)
    {
        var pairs = PairsInEnvelopes(data, fences);
        Figures.Report("point_in_fence", PointInFenceRate(pairs, window, out double insideShare), "tests/s");
        Figures.Note($"{100 * insideShare:F0}% of those points were inside");

        // NTS's general prepared predicate on a Point geometry, for comparison with the locator path.
        var points = pairs.Take(20_000).Select(p => (p.Fence, Point: (Geometry)Wgs84.Factory.CreatePoint(p.Point))).ToArray();
        double general = Figures.Rate(() =>
        {
            foreach (var (fence, point) in points)
            {
                fence.Covers(point);
            }
        }, points.Length, window);
        Figures.Report("point_in_fence_prepared_covers_geometry", general, "tests/s");

        // The worst case: outlines whose every vertex jumps in or out, so a scan line crosses many edges.
        var jagged = Enumerable.Range(1, 1_000).Select(data.JaggedFence).ToArray();
        var jaggedPairs = PairsInEnvelopes(data, jagged);
        Figures.Report("point_in_fence_jagged", PointInFenceRate(jaggedPairs, window, out _), "tests/s");
    }

    private static (FenceDefinition Fence, Coordinate Point)[] PairsInEnvelopes(BenchmarkFences data, FenceDefinition[] fences) =>
        [.. Enumerable.Range(0, PairCount).Select(_ =>
        {
            var fence = fences[data.Random.Next(fences.Length)];
            var envelope = fence.EffectiveGeometry.EnvelopeInternal;
            var point = new Coordinate(
                envelope.MinX + data.Random.NextDouble() * envelope.Width,
                envelope.MinY + data.Random.NextDouble() * envelope.Height);
            return (fence, point);
        })];

    private static double PointInFenceRate((FenceDefinition Fence, Coordinate Point)[] pairs, TimeSpan window, out double insideShare)
    {
        int inside = 0;
        double rate = Figures.Rate(() =>
        {
            inside = 0;
            foreach (var (fence, point) in pairs)
            {
                if (fence.Covers(point.X, point.Y))
                {
                    inside++;
                }
            }
        }, pairs.Length, window);
        insideShare = (double)inside / pairs.Length;
        return rate;
    }

    private static double MeasureLookup(BenchmarkFences data, FenceIndex index, Coordinate[] positions, TimeSpan window)
    {
        // Subjects and instants vary over a week, so schedules open and close.
        var start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.FromHours(8));
        var subjects = positions.Select(_ => data.Subject()).ToArray();
        var instants = positions.Select(_ => start.AddSeconds(data.Random.Next(7 * 24 * 3600))).ToArray();
        var verdict = new FenceVerdict();
        long inside = 0;
        long outside = 0;
        double rate = Figures.Rate(() =>
        {
            inside = outside = 0;
            for (int i = 0; i < positions.Length; i++)
            {
                index.Evaluate(positions[i].X, positions[i].Y, subjects[i], instants[i], verdict);
                inside += verdict.Inside.Count;
                outside += verdict.Outside.Count;
            }
        }, positions.Length, window);
        Figures.Report("index_lookup", rate, "positions/s");
        Figures.Note($"per position: {(double)inside / positions.Length:F2} fences covering, {(double)outside / positions.Length:F2} required fences left");
        return rate;
    }
}
