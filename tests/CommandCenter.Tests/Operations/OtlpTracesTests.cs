using System.Net;
using System.Net.Http.Json;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Operations;

namespace CommandCenter.Tests.Operations;

/// <summary>
/// A site that names a collector gets the spans of an ingest batch, its stages, and the alert it raised there. Activity sources
/// are heard process-wide (other test apps raise alerts too), so the test looks for its own alert's kind.
/// </summary>
public class OtlpTracesTests(TracedApp app) : IClassFixture<TracedApp>
{
    [Fact]
    public async Task AnIngestBatchItsStagesAndTheAlertItRaisedAreSentAsSpansToTheCollector()
    {
        var device = await new CountyRecords(app.ConnectionString).VisibleDeviceAsync(0);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, TimeProvider.System.GetUtcNow().AddSeconds(-5), Fixes.InsideLatitude, Fixes.InsideLongitude, @event: "tamper")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // The exporter sends in batches every few seconds; span names travel as plain strings inside the protobuf.
        var batch = await app.Collector.WaitForAsync(r => r.PathAndQuery == "/v1/traces" && r.Body.Contains("ingest batch"), TimeSpan.FromSeconds(30));
        var raise = await app.Collector.WaitForAsync(r => r.PathAndQuery == "/v1/traces" && r.Body.Contains("alert raise") && r.Body.Contains("Tamper"),
            TimeSpan.FromSeconds(30));
        Assert.Equal("POST", batch.Method);

        // The batch's stages are spans of their own, so that a slow batch shows where its time went.
        foreach (var stage in new[] { "ingest evaluate", "ingest write", "ingest commit" })
        {
            await app.Collector.WaitForAsync(r => r.PathAndQuery == "/v1/traces" && r.Body.Contains(stage), TimeSpan.FromSeconds(30));
        }

        Assert.Contains("commandcenter.alert.kind", raise.Body);
        Assert.Contains(app.Collector.Received, r => r.Body.Contains("/api/v1/positions"));
    }
}
