using CommandCenter.Benchmarks.Support;
using CommandCenter.Security;
using CommandCenter.TestSupport.Cluster;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Network;
using CommandCenter.TestSupport.Postgis;
using CommandCenter.TestSupport.Security;
using Npgsql;

namespace CommandCenter.LoadGen;

/// <summary>
/// The cluster benchmark: the county of the ingest benchmark (50,000 subjects, 10,000 fences) on one node and
/// then on three behind the nginx of `./run.sh --nodes 3`, with Redis as the hubs' backplane. One run
/// measures the single node's accepted rate, the cluster's through nginx (both open model, offered more than the
/// target), the alert latency from a fix accepted on node A to alertRaised on a wall of node B at the latency
/// rate, a failover (node C killed under that load), every accepted fix looked for in the database, and alerts
/// told twice.
/// </summary>
internal static class ClusterLoad
{
    private const int Nodes = 3;

    // The target rate is a floor, not a ceiling: offered exactly the target, an open load can only ever show the
    // target or less. Offered a quarter more, the accepted rate says whether the nodes clear it.
    private const double Headroom = 1.25;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var sustained = options.Quick ? TimeSpan.FromSeconds(20) : options.Sustained;
        var warmUp = TimeSpan.FromSeconds(options.Quick ? 5 : 15);
        var offered = options.Rate * Headroom;
        var latencyPhase = options.Quick ? TimeSpan.FromSeconds(15) : options.LatencyPhase;
        var (beforeKill, afterKill) = options.Quick ? (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(12)) : (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
        Figures.Note($"cluster: {Nodes} nodes, {options.Subjects} subjects, {options.Fences} fences, {offered}/s offered for {sustained.TotalSeconds:0} s on one node and through nginx, alert latency and failover at {options.LatencyRate}/s; load average at start {LoadDatabase.LoadAverage()}");

        var server = await PostgisServer.GetAsync();
        var database = await server.CreateDatabaseAsync("cluster_benchmark_load");
        await using var redis = await LoopbackRedis.StartAsync();
        var settings = LoadSetUp.AppSettings();
        settings["Live:Redis"] = redis.Configuration;
        settings["Proxy:KnownProxies:0"] = LoopbackNginx.ProxyAddress;

        // Each subject's rules on the one node that owns its partition, as a site of several nodes runs.
        settings["Ingest:Partitions"] = "64";
        var nodes = new List<AppProcess>();
        try
        {
            var probes = LoadSetUp.Probes(options);
            var subjects = await LoadSetUp.SeedAsync(database, settings, options);
            var loadSubjects = subjects.Skip(probes).ToList();
            var ledger = new AcceptedFixes();
            var loadStart = TimeProvider.System.GetUtcNow();

            // One node alone first, on the same database, Redis and settings, for the comparison.
            nodes.Add(await AppProcess.StartAsync(database, settings, dll: options.AppDll));
            using var direct = LoadSetUp.Client(nodes[0].BaseAddress);
            var single = new OpenLoop(direct, loadSubjects, options.BatchSize, ledger);
            await single.RunAsync(offered, warmUp);
            var singlePhase = await single.RunAsync(offered, sustained);

            foreach (var started in await Task.WhenAll(Enumerable.Range(1, Nodes - 1).Select(_ => AppProcess.StartAsync(database, settings, dll: options.AppDll))))
            {
                nodes.Add(started);
            }

            await using var nginx = await ClusterNginx.StartAsync(nodes.Select(n => n.BaseAddress));
            using var throughNginx = LoadSetUp.Client(nginx.BaseAddress);
            var cluster = new OpenLoop(throughNginx, loadSubjects, options.BatchSize, ledger);
            await cluster.RunAsync(offered, warmUp);
            var clusterPhase = await cluster.RunAsync(offered, sustained);

            // The wall listens on node B; the probes are accepted on node A.
            var user = await DatabaseUsers.CreateAsync(database, Roles.DutyOfficer);
            using var session = await FormSignIn.SignInAsync(nodes[1].BaseAddress, user);
            await using var wall = LoadSetUp.Wall(nodes[1].BaseAddress, session);
            var duplicates = new DuplicateWatch(wall);
            var latencyProbe = new AlertProbe(direct, wall, subjects.Take(probes * 2 / 3));
            var failoverProbe = new FailoverProbe(throughNginx, wall, subjects.Take(probes).Skip(probes * 2 / 3));
            await wall.StartAsync();

            var garbageBefore = await Task.WhenAll(nodes.Select(n => NodeGarbage.ReadAsync(direct, n.BaseAddress)));
            var processNames = nodes.Select((n, i) => (n.ProcessId, Name: $"node {i + 1}"))
                .Append((Environment.ProcessId, "load generator")).ToDictionary(p => p.Item1, p => p.Item2);
            var cpuBefore = MachineCpu.Read(processNames);
            var latencyClock = System.Diagnostics.Stopwatch.StartNew();
            var latencyLoad = cluster.RunAsync(options.LatencyRate, latencyPhase);
            await latencyProbe.RunAsync(latencyPhase, TimeSpan.FromMilliseconds(50));
            var latencyLoadPhase = await latencyLoad;
            var cpu = MachineCpu.Read(processNames).Since(cpuBefore, latencyClock.Elapsed);
            var garbage = (await Task.WhenAll(nodes.Select(n => NodeGarbage.ReadAsync(direct, n.BaseAddress)))).Select((after, i) => after - garbageBefore[i]).ToList();

            var failoverLoad = cluster.RunAsync(options.LatencyRate, beforeKill + afterKill);
            var failover = await failoverProbe.RunAsync(beforeKill, () => nodes[2].KillAsync(), afterKill, TimeSpan.FromMilliseconds(100));
            var failoverLoadPhase = await failoverLoad;

            var singleRate = singlePhase.Accepted / singlePhase.Elapsed.TotalSeconds;
            var clusterRate = clusterPhase.Accepted / clusterPhase.Elapsed.TotalSeconds;
            Figures.Report("cluster_nodes", Nodes, "nodes");
            Figures.Report("cluster_ingest_target_rate", options.Rate, "fixes/s");
            Figures.Report("cluster_ingest_offered_rate", offered, "fixes/s");
            Figures.Report("single_node_ingest_accepted_rate", singleRate, "fixes/s");
            Figures.Report("cluster_ingest_accepted_rate", clusterRate, "fixes/s");
            Figures.Report("cluster_ingest_share_of_single_node", 100 * clusterRate / singleRate, "%");
            Phase("single_node_ingest", singlePhase);
            Phase("cluster_ingest", clusterPhase);
            Figures.Report("cluster_alert_latency_rate", latencyLoadPhase.Accepted / latencyLoadPhase.Elapsed.TotalSeconds, "fixes/s");
            Figures.Report("cluster_alert_latency_p50", Percentile.Of(latencyProbe.Latencies, 50), "ms");
            Figures.Report("cluster_alert_latency_p99", Percentile.Of(latencyProbe.Latencies, 99), "ms");
            Figures.Report("cluster_alert_latency_max", latencyProbe.Latencies.DefaultIfEmpty(double.NaN).Max(), "ms");
            Figures.Report("cluster_alert_probes", latencyProbe.Latencies.Count, "alerts");
            Figures.Report("cluster_alert_probes_unanswered", latencyProbe.Unanswered, "probes");
            var stages = await latencyProbe.StagesAsync(database);
            foreach (var (name, group) in new[] { ("judged where accepted", false), ("handed off", true) }
                .Select(g => (g.Item1, stages.Where(s => s.HandedOff == g.Item2).ToList())))
            {
                Figures.Note($"alert probes {name}: {group.Count}; p50 / p99 / max ms: " + string.Join("; ", new (string, Func<ProbeStages, double>)[]
                {
                    ("queued", s => s.Queued), ("stored", s => s.Stored), ("taken", s => s.Taken), ("judged", s => s.Judged), ("told", s => s.Told), ("total", s => s.Total),
                }.Select(stage => $"{stage.Item1} {Percentile.Of([.. group.Select(stage.Item2)], 50):0} / {Percentile.Of([.. group.Select(stage.Item2)], 99):0} / {group.Select(stage.Item2).DefaultIfEmpty(double.NaN).Max():0}")));
                foreach (var slow in group.OrderByDescending(s => s.Total).Take(5))
                {
                    Figures.Note($"  slow probe: queued {slow.Queued:0}, stored {slow.Stored:0}, taken {slow.Taken:0}, judged {slow.Judged:0}, told {slow.Told:0}, total {slow.Total:0} ms");
                }
            }

            Figures.Note($"cores used during the latency phase (of {Environment.ProcessorCount}): {cpu}");
            Figures.Note("garbage collection per node over the latency phase: " + string.Join("; ", garbage.Select((g, i) =>
                $"node {i + 1} paused {g.PausedSeconds * 1000:0} ms in {g.Gen0:0} / {g.Gen1:0} / {g.Gen2:0} collections of gen 0 / 1 / 2")));
            Figures.Report("cluster_failover_s", failover.RulesAgainSeconds, "s");
            Figures.Report("cluster_failover_longest_probe_wait_s", failover.LongestWaitSeconds, "s");
            Figures.Report("cluster_failover_ingest_gap_s", failover.IngestGapSeconds, "s");
            Figures.Report("cluster_failover_probes", failover.Probes, "probes");
            Figures.Report("cluster_failover_probes_unanswered", failover.Unanswered, "probes");
            Figures.Report("cluster_failover_load_accepted_rate", failoverLoadPhase.Accepted / failoverLoadPhase.Elapsed.TotalSeconds, "fixes/s");
            Figures.Report("cluster_failover_load_failed", failoverLoadPhase.Failed + failoverLoadPhase.OtherAnswers, "fixes");

            Figures.Report("cluster_rows_accepted", ledger.Count, "rows");
            Figures.Report("cluster_rows_stored", await LoadDatabase.ScalarAsync(database, "SELECT count(*) FROM positions WHERE received_at >= @since", loadStart), "rows");
            Figures.Report("cluster_rows_missing", await ledger.MissingAsync(database), "rows");
            var extraAlerts = await LoadDatabase.ScalarAsync(database, """
                SELECT count(*) - count(DISTINCT a.subject_id) FROM alerts a JOIN geofences f ON f.id = a.fence_id
                WHERE a.raised_at >= @since AND f.name LIKE '被害人住所%'
                """, loadStart);
            Figures.Report("cluster_duplicate_alerts", duplicates.Duplicates + extraAlerts, "alerts");
            Figures.Note($"alerts heard on the wall: {duplicates.Alerts}; told twice: {duplicates.Duplicates}; stored twice for one probe: {extraAlerts}");
            Figures.Note($"load average at end {LoadDatabase.LoadAverage()}");
            return 0;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
    }

    private static void Phase(string name, PhaseResult phase)
    {
        Figures.Report($"{name}_refused_503", phase.Refused503, "fixes");
        Figures.Report($"{name}_failed", phase.Failed + phase.OtherAnswers, "fixes");
        Figures.Report($"{name}_not_sent", phase.NotSent, "fixes");
        Figures.Report($"{name}_request_p99", Percentile.Of(phase.Latencies, 99), "ms");
    }
}
