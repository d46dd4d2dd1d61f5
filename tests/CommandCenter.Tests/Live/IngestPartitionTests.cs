using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Ingest.Partitions;
using CommandCenter.Security;
using CommandCenter.TestSupport.Cluster;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;
using CommandCenter.TestSupport.Security;
using Npgsql;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Live;

/// <summary>
/// Ingest partitioned by subject over three real nodes: any node accepts any fix, the owner of the subject's partition
/// judges it, and a node killed with SIGKILL loses nothing and has its partitions judged elsewhere within 10 s.
/// </summary>
public class IngestPartitionTests(LoopbackCluster cluster, ITestOutputHelper output) : IClassFixture<LoopbackCluster>
{
    private const string Owners = """
        SELECT l.objid::int, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.mode = 'ExclusiveLock' AND l.objsubid = 2 AND l.classid = @space::oid
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    private static readonly TimeSpan FailoverTarget = TimeSpan.FromSeconds(10);

    private readonly CountyRecords county = new(cluster.Database.ConnectionString);

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task TheSameViolationSentAsThirtyTwoParallelRequestsSpreadOverThreeNodesRaisesExactlyOneAlert()
    {
        await BalancedOwnersAsync();
        var device = await county.VisibleDeviceAsync(30);
        var since = Now.AddSeconds(-1);
        var body = Fixes.Batch(
            Fixes.Item(device, Now.AddSeconds(-4), Fixes.OutsideLatitude, Fixes.OutsideLongitude),
            Fixes.Item(device, Now.AddSeconds(-2), Fixes.OutsideLatitude, Fixes.OutsideLongitude));

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
        {
            using var client = new HttpClient { BaseAddress = cluster.Nodes[i % cluster.Nodes.Count].BaseAddress };
            return await client.PostAsJsonAsync("/api/v1/positions", body);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await HandOffsJudgedAsync();
        var told = 0;
        foreach (var response in responses)
        {
            told += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsRaised").GetInt32();
        }

        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'ZoneExit' AND raised_at >= @since",
            ("s", device.SubjectId), ("since", since)));
        Assert.InRange(told, 0, 1);
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM positions WHERE device_id = @d AND fix_time >= @since - interval '10 seconds'",
            ("d", device.DeviceId), ("since", since)));
    }

    [Fact]
    public async Task ANodeKilledUnderLoadLosesNoAcceptedFixNorAlertAndItsSubjectsAreJudgedByAnotherWithinTenSeconds()
    {
        var testStart = Now;
        var owners = await BalancedOwnersAsync();
        var devices = new List<TestDevice>();
        for (var i = 0; i < 20; i++)
        {
            devices.Add(await county.VisibleDeviceAsync(i));
        }

        // The node to kill is the one that judges most of these subjects; the others take its partitions.
        var victim = devices.GroupBy(d => owners[d.SubjectId % cluster.Partitions]).MaxBy(g => g.Count())!.Key;
        var survivors = Enumerable.Range(0, cluster.Nodes.Count).Where(n => n != victim).ToList();
        var ownedByVictim = devices.Where(d => owners[d.SubjectId % cluster.Partitions] == victim).ToList();
        Assert.True(ownedByVictim.Count >= 2, $"only {ownedByVictim.Count} of the devices' subjects fall in the partitions of the node to kill");
        var outsideAll = ownedByVictim[0];
        var outsideAfterKill = ownedByVictim[1];
        // Consecutive subjects fall in consecutive partitions, which one node may hold together: look further for one a survivor judges.
        var outsideOnSurvivor = devices.FirstOrDefault(d => owners[d.SubjectId % cluster.Partitions] != victim);
        for (var i = devices.Count; outsideOnSurvivor is null; i++)
        {
            var further = await county.VisibleDeviceAsync(i);
            if (owners[further.SubjectId % cluster.Partitions] != victim)
            {
                devices.Add(outsideOnSurvivor = further);
            }
        }

        TestDevice[] violators = [outsideAll, outsideAfterKill, outsideOnSurvivor];

        var mark = await county.ScalarAsync<long>("SELECT seq FROM live_log_counter");
        await using var wall = await ListenAsync(cluster.Nodes[victim]);
        var epoch = (await wall.MissedAsync(mark, null)).Epoch;

        var killed = false;
        var next = 0;
        var gate = new object();
        (DateTimeOffset At, object[] Items) NextBatch()
        {
            lock (gate)
            {
                var at = testStart.AddMilliseconds(20 * next++);
                return (at, [.. devices.Select(d => d == outsideAll || d == outsideOnSurvivor || (d == outsideAfterKill && Volatile.Read(ref killed))
                    ? Fixes.Item(d, at, Fixes.OutsideLatitude, Fixes.OutsideLongitude)
                    : Fixes.Item(d, at, Fixes.InsideLatitude, Fixes.InsideLongitude))]);
            }
        }

        var accepted = new ConcurrentBag<DateTimeOffset>();
        var unanswered = new ConcurrentBag<object[]>();
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
        {
            for (var round = sender; !stop.IsCancellationRequested; round++)
            {
                var node = Volatile.Read(ref killed) ? survivors[round % survivors.Count] : round % cluster.Nodes.Count;
                using var client = new HttpClient { BaseAddress = cluster.Nodes[node].BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
                var (at, batch) = NextBatch();
                try
                {
                    var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(batch));
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        accepted.Add(at);
                    }
                    else
                    {
                        unanswered.Add(batch);
                    }
                }
                catch (HttpRequestException)
                {
                    unanswered.Add(batch);
                }
            }
        })).ToList();

        var heard = await wall.AlertRaisedAsync(a => a.SubjectId == outsideAll.SubjectId);
        await AlertOfAsync(outsideOnSurvivor, testStart, TimeSpan.FromSeconds(15));

        // Timed from the SIGKILL itself: waiting for the process to be gone takes a while on a busy machine.
        var sinceKill = Stopwatch.StartNew();
        await cluster.KillAsync(victim);
        Volatile.Write(ref killed, true);
        var taking = AllPartitionsHeldByAsync([.. survivors.Select(LoopbackCluster.NodeName)], sinceKill);
        await AlertOfAsync(outsideAfterKill, testStart, TimeSpan.FromSeconds(30));
        var judgedElsewhere = sinceKill.Elapsed;
        var partitionsTaken = await taking;
        output.WriteLine($"cluster_failover_partitions_taken_s: {partitionsTaken.TotalSeconds:0.0}");
        output.WriteLine($"cluster_failover_alert_raised_s: {judgedElsewhere.TotalSeconds:0.0}");

        await Task.Delay(TimeSpan.FromSeconds(1));
        stop.Cancel();
        await Task.WhenAll(senders);
        using (var client = new HttpClient { BaseAddress = cluster.Nodes[survivors[0]].BaseAddress })
        {
            // As the devices would: what got no 202 is sent again.
            foreach (var batch in unanswered)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(batch))).StatusCode);
            }
        }

        await HandOffsJudgedAsync();
        await using var back = await ListenAsync(cluster.Nodes[survivors[0]]);
        var replay = await back.MissedAsync(heard.Sequence, epoch);
        await cluster.RestartAsync(victim);

        Assert.True(accepted.Count > 10, $"only {accepted.Count} batches were accepted");
        Assert.Equal(accepted.Count * devices.Count, await StoredOfAsync(devices, [.. accepted]));
        foreach (var device in devices)
        {
            var expected = violators.Contains(device) ? 1 : 0;
            Assert.Equal(expected, await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'ZoneExit' AND raised_at >= @since",
                ("s", device.SubjectId), ("since", testStart)));
        }

        // Nor did any timer rule fire twice anywhere in the county across the failover.
        Assert.Equal(0, await county.CountAsync("""
            SELECT count(*) FROM (SELECT subject_id, rule, fence_id FROM alerts WHERE raised_at >= @since
                                  GROUP BY subject_id, rule, fence_id HAVING count(*) > 1) AS doubled
            """, ("since", testStart)));

        Assert.True(partitionsTaken < FailoverTarget, $"the killed node's partitions were all taken {partitionsTaken.TotalSeconds:0.0} s after the kill");
        Assert.True(judgedElsewhere < FailoverTarget, $"a subject of the killed node was alerted on {judgedElsewhere.TotalSeconds:0.0} s after the kill");

        // The wall that was on the killed node asks another for what came after the last alert it heard.
        Assert.False(replay.Reset);
        var raisedAgain = replay.Alerts.Where(a => replay.Raised.Contains(a.Sequence)).ToList();
        Assert.Single(raisedAgain, a => a.SubjectId == outsideAfterKill.SubjectId);
        Assert.DoesNotContain(raisedAgain, a => a.AlertId == heard.AlertId);
        Assert.All(replay.Alerts, a => Assert.True(a.Sequence > heard.Sequence));
        Assert.Equal(replay.Alerts.Count, replay.Alerts.Select(a => a.Sequence).Distinct().Count());
    }

    /// <summary>Waits until every partition is held and every node holds some; answers each partition's node.</summary>
    private async Task<Dictionary<int, int>> BalancedOwnersAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var owners = await OwnersAsync();
            var names = Enumerable.Range(0, cluster.Nodes.Count).Select(LoopbackCluster.NodeName).ToList();
            if (owners.Count == cluster.Partitions && names.All(owners.ContainsValue))
            {
                return owners.ToDictionary(o => o.Key, o => names.IndexOf(o.Value));
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"the partitions were not shared out within 30 s: {owners.Count} held");
            await Task.Delay(200);
        }
    }

    /// <summary>Waits until these nodes hold every partition; answers when that was, on the clock given.</summary>
    private async Task<TimeSpan> AllPartitionsHeldByAsync(string[] nodes, Stopwatch clock)
    {
        while (true)
        {
            var owners = await OwnersAsync();
            if (owners.Count == cluster.Partitions && owners.Values.All(nodes.Contains))
            {
                return clock.Elapsed;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the killed node's partitions were not all taken within 30 s");

            await Task.Delay(100);
        }
    }

    private async Task<Dictionary<int, string>> OwnersAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Owners, connection);
        command.Parameters.AddWithValue("space", PartitionLeases.LockSpace);
        var owners = new Dictionary<int, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            owners[reader.GetInt32(0)] = reader.GetString(1);
        }

        return owners;
    }

    private async Task AlertOfAsync(TestDevice device, DateTimeOffset since, TimeSpan wait)
    {
        var waited = Stopwatch.StartNew();
        while (await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'ZoneExit' AND raised_at >= @since",
            ("s", device.SubjectId), ("since", since)) == 0)
        {
            Assert.True(waited.Elapsed < wait, $"no alert for subject {device.SubjectId} within {wait.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the owners have taken everything handed off to them (taken and judged in one transaction).</summary>
    private async Task HandOffsJudgedAsync()
    {
        var waited = Stopwatch.StartNew();
        while (await county.CountAsync("SELECT count(*) FROM ingest_hand_offs") > 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "fixes handed off were not judged within 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>How many fixes of these devices at these times are stored (each batch holds one fix of each device).</summary>
    private Task<long> StoredOfAsync(List<TestDevice> devices, DateTimeOffset[] times) =>
        county.CountAsync("""
            SELECT count(*) FROM positions p
            JOIN unnest(@devices) AS d(id) ON p.device_id = d.id
            JOIN unnest(@times) AS t(at) ON p.fix_time = t.at
            """, ("devices", devices.Select(d => d.DeviceId).ToArray()), ("times", times));

    private async Task<WallListener> ListenAsync(AppProcess node)
    {
        using var session = await FormSignIn.SignInAsync(node.BaseAddress, await DatabaseUsers.CreateAsync(cluster.Database.ConnectionString, Roles.DutyOfficer));
        return await WallListener.ConnectAsync(node.BaseAddress, session.Cookies);
    }
}
