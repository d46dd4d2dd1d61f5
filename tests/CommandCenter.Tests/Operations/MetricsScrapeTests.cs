using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Live;
using CommandCenter.TestSupport.Operations;
using OpenTelemetry.Trace;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Operations;

/// <summary>An operator scrapes /metrics before and after the hall's work and sees each counter move by what was done.</summary>
[Collection(OperatorsCollection.Name)]
public class MetricsScrapeTests(OperatorsApp app)
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient client = new() { BaseAddress = app.BaseAddress };

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task FixesAcceptedAndRefusedMoveByTheNumberOfFixesByReason()
    {
        var device = await county.VisibleDeviceAsync(10);
        var before = await ScrapeAsync();

        var accepted = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, Now.AddSeconds(-30), Fixes.InsideLatitude, Fixes.InsideLongitude),
            Fixes.Item(device, Now.AddSeconds(-20), Fixes.InsideLatitude, Fixes.InsideLongitude),
            Fixes.Item(device, Now.AddSeconds(-10), Fixes.InsideLatitude, Fixes.InsideLongitude)));
        var invalid = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, Now.AddSeconds(-9), Fixes.InsideLatitude, Fixes.InsideLongitude),
            Fixes.Item(device, Now.AddSeconds(-8), 95, Fixes.InsideLongitude)));
        var unknown = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(new TestDevice(0, "NO-SUCH-DEVICE", "key", 0, "none"), Now.AddSeconds(-7), Fixes.InsideLatitude, Fixes.InsideLongitude)));
        var after = await ScrapeAsync();

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(3, Moved("commandcenter_ingest_fixes_accepted_total", before, after, ("protocol", "api")));
        Assert.Equal(2, Moved("commandcenter_ingest_fixes_refused_total", before, after, ("reason", "invalid")));
        Assert.Equal(1, Moved("commandcenter_ingest_fixes_refused_total", before, after, ("reason", "unauthorized")));
        Assert.Equal(0, Moved("commandcenter_ingest_fixes_refused_total", before, after, ("reason", "queue_full")));
        Assert.True(Moved("commandcenter_ingest_batch_duration_seconds_count", before, after, ("with_fixes", "true")) >= 1);
        Assert.True(after.Has("commandcenter_ingest_queue_depth"));
    }

    [Fact]
    public async Task AnAlertRaisedIsCountedOnceUnderItsKind()
    {
        var device = await county.VisibleDeviceAsync(11);
        var before = await ScrapeAsync();

        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, Now.AddSeconds(-5), Fixes.InsideLatitude, Fixes.InsideLongitude, @event: "tamper")));
        var after = await ScrapeAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, Moved("commandcenter_rules_alerts_raised_total", before, after, ("kind", "Tamper")));
        Assert.True(after.Has("commandcenter_rules_crossings_pending"));
    }

    [Fact]
    public async Task TheHubCountsItsConnectionsAndTheAlertsItSends()
    {
        var device = await county.VisibleDeviceAsync(12);
        using var wall = await app.SignInAsync(Roles.Wall);
        var before = await ScrapeAsync();

        await using (var probe = await HubProbe.ConnectAsync(app.BaseAddress, "/hubs/wall", wall.Cookies))
        {
            await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
                Fixes.Item(device, Now.AddSeconds(-5), Fixes.InsideLatitude, Fixes.InsideLongitude, @event: "strapCut")));
            // The hall is told after the sender's 202, so the scrape waits for the message to go out.
            var during = await WaitForAsync(scrape => Moved("commandcenter_hub_messages_sent_total", before, scrape, ("message", "alertRaised")) >= 1);

            Assert.Equal(1, Moved("commandcenter_hub_connections", before, during));
            Assert.True(Moved("commandcenter_hub_messages_sent_total", before, during, ("message", "alertRaised")) >= 1);
        }

        var closed = await WaitForAsync(scrape => scrape.Sum("commandcenter_hub_connections") == before.Sum("commandcenter_hub_connections"));
        Assert.Equal(0, Moved("commandcenter_hub_connections", before, closed));
    }

    [Fact]
    public async Task TheDatabaseCommandsAreTimedByNpgsql()
    {
        var scrape = await ScrapeAsync();

        Assert.True(scrape.Sum("db_client_operation_duration_seconds_count") > 0, "no database operation was timed");
    }

    [Fact]
    public void NoTracesAreRecordedWhereNoCollectorIsSet() => Assert.Null(app.Services.GetService<TracerProvider>());

    private static double Moved(string name, PrometheusText before, PrometheusText after, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);

    private async Task<PrometheusText> ScrapeAsync() => new(await client.GetStringAsync("/metrics"));

    private async Task<PrometheusText> WaitForAsync(Func<PrometheusText, bool> condition)
    {
        for (var attempt = 0; ; attempt++)
        {
            var scrape = await ScrapeAsync();
            if (condition(scrape) || attempt == 50)
            {
                return scrape;
            }

            await Task.Delay(100);
        }
    }
}
