using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Postgis;
using Npgsql;

namespace CommandCenter.Tests.Faults;

/// <summary>The app killed with SIGKILL in the middle of a load, then started again on the same database.</summary>
public class CrashRecoveryTests(PostgisDatabase database) : IClassFixture<PostgisDatabase>
{
    private const int Devices = 30;
    private const int Violators = 5;

    [Fact]
    public async Task AfterASigkillDuringLoadEveryAcceptedFixIsStoredAndNoAlertIsLostOrDoubled()
    {
        var testStart = TimeProvider.System.GetUtcNow();
        var app = await AppProcess.StartAsync(database.ConnectionString, FaultSettings.SmallCounty);
        var county = new CountyRecords(database.ConnectionString);
        var devices = new List<TestDevice>();
        for (var i = 0; i < Devices; i++)
        {
            devices.Add(await county.VisibleDeviceAsync(i));
        }

        // Each device reports every 100 ms of fix time from now on (newer than the seed's last report); the first five from outside the county.
        var start = testStart;
        var next = new int[Devices];
        object Fix(int d) => Fixes.Item(devices[d], start.AddMilliseconds(100 * next[d]++),
            d < Violators ? Fixes.OutsideLatitude : Fixes.InsideLatitude, d < Violators ? Fixes.OutsideLongitude : Fixes.InsideLongitude);

        var accepted = new ConcurrentBag<object[]>();
        var unanswered = new ConcurrentBag<object[]>();
        using var stop = new CancellationTokenSource();
        var gate = new object();
        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = app.BaseAddress };
            while (!stop.IsCancellationRequested)
            {
                object[] batch;
                lock (gate)
                {
                    batch = [.. Enumerable.Range(0, Devices).Select(Fix)];
                }

                try
                {
                    var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(batch));
                    (response.StatusCode == HttpStatusCode.Accepted ? accepted : unanswered).Add(batch);
                }
                catch (HttpRequestException)
                {
                    unanswered.Add(batch);
                    await Task.Delay(50);
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        await app.KillAsync();
        await Task.Delay(500);
        stop.Cancel();
        await Task.WhenAll(senders);
        Assert.True(accepted.Count > 5, $"only {accepted.Count} batches were accepted before the kill");

        await using var again = await AppProcess.StartAsync(database.ConnectionString, FaultSettings.SmallCounty);
        using (var client = new HttpClient { BaseAddress = again.BaseAddress })
        {
            // As the devices would: what got no 202 is sent again.
            foreach (var batch in unanswered)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(batch))).StatusCode);
            }
        }

        var acceptedFixes = accepted.Sum(b => b.Length);
        var allFixes = acceptedFixes + unanswered.Sum(b => b.Length);
        Assert.Equal(acceptedFixes, await CountStoredAsync(accepted.SelectMany(b => b)));
        Assert.Equal(allFixes, await county.CountAsync("SELECT count(*) FROM positions WHERE device_id = ANY(@d) AND received_at >= @t",
            ("d", devices.Select(d => d.DeviceId).ToArray()), ("t", testStart)));
        for (var d = 0; d < Devices; d++)
        {
            Assert.Equal(d < Violators ? 1 : 0, await county.CountAsync(
                "SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'ZoneExit' AND raised_at >= @t",
                ("s", devices[d].SubjectId), ("t", testStart)));
        }
    }

    private async Task<long> CountStoredAsync(IEnumerable<object> fixes)
    {
        var items = fixes.Select(f => ((string Device, DateTimeOffset Time))(
            (string)f.GetType().GetProperty("device")!.GetValue(f)!, (DateTimeOffset)f.GetType().GetProperty("time")!.GetValue(f)!)).ToList();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM unnest(@serials, @times) AS u(serial, fix_time)
            JOIN devices d ON d.serial = u.serial JOIN positions p ON p.device_id = d.id AND p.fix_time = u.fix_time
            """, connection);
        command.Parameters.AddWithValue("serials", items.Select(i => i.Device).ToArray());
        command.Parameters.AddWithValue("times", items.Select(i => i.Time).ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
