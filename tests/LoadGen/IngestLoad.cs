using CommandCenter.Benchmarks.Support;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Postgis;
using CommandCenter.TestSupport.Security;
using Npgsql;

namespace CommandCenter.LoadGen;

/// <summary>
/// The ingest benchmark: a county of 50,000 subjects and 10,000 fences, the app as a process of its own,
/// an open-model load at a fixed rate on loopback, the alert latency to a signed-in wall at a lower rate,
/// a burst at four times the rate to find the capacity, a count of every accepted row, and a raw binary
/// COPY of as many rows as the sustained phase for comparison.
/// </summary>
internal static class IngestLoad
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        Figures.Note($"ingest: {options.Subjects} subjects, {options.Fences} fences, {options.Rate}/s for {options.Sustained.TotalSeconds:0} s, alert latency at {options.LatencyRate}/s; load average at start {LoadDatabase.LoadAverage()}");
        var server = await PostgisServer.GetAsync();
        var database = await server.CreateDatabaseAsync("ingest_benchmark_load");
        var probes = LoadSetUp.Probes(options);
        var settings = LoadSetUp.AppSettings();
        try
        {
            var subjects = await LoadSetUp.SeedAsync(database, settings, options);
            await using var app = await AppProcess.StartAsync(database, settings, dll: options.AppDll);
            using var client = LoadSetUp.Client(app.BaseAddress);
            var user = await DatabaseUsers.CreateAsync(database, Roles.DutyOfficer);
            using var session = await FormSignIn.SignInAsync(app.BaseAddress, user);
            await using var wall = LoadSetUp.Wall(app.BaseAddress, session);
            var probe = new AlertProbe(client, wall, subjects.Take(probes));
            await wall.StartAsync();

            var load = new OpenLoop(client, subjects.Skip(probes).ToList(), options.BatchSize);
            var loadStart = TimeProvider.System.GetUtcNow();
            var warmUp = await load.RunAsync(options.Rate, TimeSpan.FromSeconds(options.Quick ? 10 : 15));
            var sustained = await load.RunAsync(options.Rate, options.Sustained);
            Report("ingest", options.Rate, sustained);

            var latencyLoad = load.RunAsync(options.LatencyRate, options.LatencyPhase);
            await probe.RunAsync(options.LatencyPhase, TimeSpan.FromMilliseconds(50));
            var latencyPhase = await latencyLoad;
            Report("ingest_at_latency_rate", options.LatencyRate, latencyPhase);
            Figures.Report("alert_latency_p50", Percentile.Of(probe.Latencies, 50), "ms");
            Figures.Report("alert_latency_p99", Percentile.Of(probe.Latencies, 99), "ms");
            Figures.Report("alert_latency_max", probe.Latencies.DefaultIfEmpty(double.NaN).Max(), "ms");
            Figures.Report("alert_probes", probe.Latencies.Count, "alerts");
            Figures.Report("alert_probes_unanswered", probe.Unanswered, "probes");

            // Far more than can be taken: what is accepted is the pipeline's capacity, the rest is told to come back later (503).
            var saturation = await load.RunAsync(options.Rate * 4, TimeSpan.FromSeconds(options.Quick ? 10 : 30));
            Report("ingest_saturated", options.Rate * 4, saturation);

            // Every accepted row counted, once everything the load sent has been answered: each fix is new
            // (its own device and time), so the rows stored must be exactly the fixes answered 202.
            var accepted = warmUp.Accepted + sustained.Accepted + latencyPhase.Accepted + saturation.Accepted + probe.Accepted;
            var stored = await LoadDatabase.ScalarAsync(database, "SELECT count(*) FROM positions WHERE received_at >= @since", loadStart);
            Figures.Report("ingest_rows_accepted", accepted, "rows");
            Figures.Report("ingest_rows_stored", stored, "rows");
            Figures.Report("ingest_rows_missing", Math.Max(0, accepted - stored), "rows");

            var rate = sustained.Accepted / sustained.Elapsed.TotalSeconds;
            var capacity = saturation.Accepted / saturation.Elapsed.TotalSeconds;
            var copy = await CopyBaseline.RowsPerSecondAsync(database, subjects, Math.Max(100_000, sustained.Accepted));
            Figures.Report("copy_rate", copy, "rows/s");
            Figures.Report("ingest_sustained_share_of_copy", 100 * rate / copy, "%");
            Figures.Report("ingest_capacity_share_of_copy", 100 * capacity / copy, "%");
            Figures.Note($"load average at end {LoadDatabase.LoadAverage()}");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
    }

    private static void Report(string name, double target, PhaseResult phase)
    {
        Figures.Report($"{name}_target_rate", target, "fixes/s");
        Figures.Report($"{name}_accepted_rate", phase.Accepted / phase.Elapsed.TotalSeconds, "fixes/s");
        Figures.Report($"{name}_duration", phase.Elapsed.TotalSeconds, "s");
        Figures.Report($"{name}_accepted", phase.Accepted, "fixes");
        Figures.Report($"{name}_refused_503", phase.Refused503, "fixes");
        Figures.Report($"{name}_other_answers", phase.OtherAnswers, "fixes");
        Figures.Report($"{name}_failed", phase.Failed, "fixes");
        Figures.Report($"{name}_not_sent", phase.NotSent, "fixes");
        Figures.Report($"{name}_request_p50", Percentile.Of(phase.Latencies, 50), "ms");
        Figures.Report($"{name}_request_p99", Percentile.Of(phase.Latencies, 99), "ms");
    }
}
