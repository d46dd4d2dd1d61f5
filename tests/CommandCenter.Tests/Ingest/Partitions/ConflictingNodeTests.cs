using System.Net;
using System.Net.Http.Json;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Postgis;
using CommandCenter.Tests.Faults;

namespace CommandCenter.Tests.Ingest.Partitions;

/// <summary>
/// A second node started on a site's database without partitions (the default) would judge every subject beside the
/// first, each from a memory of its own: it stops, naming the setting, and the first runs on.
/// </summary>
public class ConflictingNodeTests(PostgisDatabase database) : IClassFixture<PostgisDatabase>
{
    [Fact]
    public async Task ASecondNodeWithoutPartitionsStopsNamingTheSettingAndTheFirstRunsOn()
    {
        await using var first = await AppProcess.StartAsync(database.ConnectionString, FaultSettings.SmallCounty);

        var log = await StopsAsync(new Dictionary<string, string?> { ["Ingest:ConflictingNodeWait"] = "00:00:02" });

        Assert.Contains("Ingest:Partitions", log);
        var device = await new CountyRecords(database.ConnectionString).VisibleDeviceAsync(0);
        using var client = new HttpClient { BaseAddress = first.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, TimeProvider.System.GetUtcNow(), Fixes.InsideLatitude, Fixes.InsideLongitude)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Starts a node that must stop, at start or soon after; answers what it logged.</summary>
    private async Task<string> StopsAsync(IReadOnlyDictionary<string, string?> settings)
    {
        AppProcess second;
        try
        {
            second = await AppProcess.StartAsync(database.ConnectionString, settings);
        }
        catch (InvalidOperationException stopped)
        {
            return stopped.Message;
        }

        await using (second)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!second.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.True(second.HasExited, "The second node is still running:" + Environment.NewLine + second.RecentLog);
            return second.RecentLog;
        }
    }
}
