using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Live;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;

namespace CommandCenter.Tests.Ingest;

public class PipelineTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>, IAsyncLifetime
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient client = new() { BaseAddress = app.BaseAddress };
    private WatchingOfficer officer = default!;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private WallListener Wall => officer.Wall;

    public async Task InitializeAsync() => officer = await WatchingOfficer.SignInAsync(app);

    public async Task DisposeAsync() => await officer.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(params object[] items) => await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(items));

    [Fact]
    public async Task TheSameViolationFromManyParallelRequestsRaisesExactlyOneOpenAlert()
    {
        var (fenceId, device, latitude, longitude) = await county.VictimHomeZoneAsync();
        var start = Now.AddSeconds(-50);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => PostAsync(Fixes.Item(device, start.AddSeconds(i), latitude, longitude))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var raised = 0;
        foreach (var response in responses)
        {
            raised += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsRaised").GetInt32();
        }

        Assert.Equal(1, raised);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'ZoneEntry' AND fence_id = @f",
            ("s", device.SubjectId), ("f", fenceId)));
        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM alert_events e JOIN alerts a ON a.id = e.alert_id WHERE a.subject_id = @s AND a.fence_id = @f AND e.kind = 'Raised'",
            ("s", device.SubjectId), ("f", fenceId)));
        Assert.Equal(40, await county.CountAsync("SELECT count(*) FROM positions WHERE device_id = @d AND fix_time >= @t", ("d", device.DeviceId), ("t", start)));
    }

    [Fact]
    public async Task AFirstFixBeyondAFenceIsPublishedAsPendingAndAFixBackCallsItOff()
    {
        var device = await county.VisibleDeviceAsync(20);
        var start = Now;

        await PostAsync(Fixes.Item(device, Now.AddSeconds(-20), Fixes.OutsideLatitude, Fixes.OutsideLongitude));

        var started = await Wall.TransitionAsync(t => t.SubjectId == device.SubjectId);
        Assert.Equal(TransitionChange.Started, started.Change);
        Assert.Equal(AlertRule.ZoneExit, started.Rule);
        Assert.Equal(Fixes.OutsideLatitude, started.Latitude!.Value, 6);
        Assert.True((await Wall.PositionAsync(p => p.SubjectId == device.SubjectId)).Pending);
        var pending = await officer.Client.GetFromJsonAsync<List<JsonElement>>("/api/v1/alerts/pending");
        Assert.Contains(pending!, p => p.GetProperty("subjectId").GetInt32() == device.SubjectId);

        await PostAsync(Fixes.Item(device, Now.AddSeconds(-10), Fixes.InsideLatitude, Fixes.InsideLongitude));

        Assert.Equal(TransitionChange.Cancelled, (await Wall.TransitionAsync(t => t.SubjectId == device.SubjectId)).Change);
        Assert.False((await Wall.PositionAsync(p => p.SubjectId == device.SubjectId)).Pending);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND raised_at >= @t", ("s", device.SubjectId), ("t", start)));
    }

    [Fact]
    public async Task ComingBackInsideMarksTheConditionClearedAndLeavesTheAlertOpen()
    {
        var device = await county.VisibleDeviceAsync(21);
        await PostAsync(
            Fixes.Item(device, Now.AddSeconds(-30), Fixes.OutsideLatitude, Fixes.OutsideLongitude),
            Fixes.Item(device, Now.AddSeconds(-25), Fixes.OutsideLatitude, Fixes.OutsideLongitude));
        var alert = await Wall.AlertRaisedAsync(a => a.SubjectId == device.SubjectId);

        await PostAsync(Fixes.Item(device, Now.AddSeconds(-5), Fixes.InsideLatitude, Fixes.InsideLongitude));

        var changed = await Wall.AlertChangedAsync(a => a.AlertId == alert.AlertId);
        Assert.True(changed.ConditionCleared);
        Assert.Equal(AlertState.Raised, changed.State);
        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM alerts a JOIN alert_events e ON e.alert_id = a.id AND e.kind = 'ConditionCleared' WHERE a.id = @id AND a.condition_cleared AND a.state = 'Raised'",
            ("id", alert.AlertId)));
    }

    [Fact]
    public async Task ALowBatteryAndATamperReportRaiseTheirAlertsAtOnce()
    {
        var device = await county.VisibleDeviceAsync(22);

        var response = await PostAsync(
            Fixes.Item(device, Now.AddSeconds(-8), Fixes.InsideLatitude, Fixes.InsideLongitude, battery: 12),
            Fixes.Item(device, Now.AddSeconds(-4), Fixes.InsideLatitude, Fixes.InsideLongitude, battery: 11, @event: "strapCut"));

        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsRaised").GetInt32());
        var low = await Wall.AlertRaisedAsync(a => a.SubjectId == device.SubjectId && a.Rule == AlertRule.LowBattery);
        Assert.Equal(AlertDetail.LowBatteryKey, low.DetailKey);
        Assert.Equal(["12"], low.DetailArgs!);
        Assert.Equal(AlertSeverity.Warning, low.Severity);
        var tamper = await Wall.AlertRaisedAsync(a => a.SubjectId == device.SubjectId && a.Rule == AlertRule.Tamper);
        Assert.Equal(AlertSeverity.Critical, tamper.Severity);
    }

    [Fact]
    public async Task AnUnknownEventIsRefusedWith400NamingIt()
    {
        var device = await county.VisibleDeviceAsync(23);

        var response = await PostAsync(Fixes.Item(device, Now, Fixes.InsideLatitude, Fixes.InsideLongitude, @event: "explode"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("positions[0].event", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownDeviceIsReportedOnTheDeskAndNothingOfItIsStored()
    {
        var ghost = new TestDevice(0, "GHOST-7781", "whatever", 0, "none");
        var before = await county.CountAsync("SELECT count(*) FROM positions");

        var response = await PostAsync(Fixes.Item(ghost, Now, Fixes.InsideLatitude, Fixes.InsideLongitude));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var reported = await Wall.DeviceUnknownAsync(d => d.Serial == "GHOST-7781");
        Assert.Equal("unknown", reported.Reason);
        var listed = await officer.Client.GetFromJsonAsync<List<UnknownDeviceMessage>>("/api/v1/ingest/unknown-devices");
        Assert.Contains(listed!, d => d.Serial == "GHOST-7781" && d.Protocol == "api");
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM positions"));
    }

    [Fact]
    public async Task TheUnknownDeviceListIsForPeopleAtTheScreensOnly()
    {
        var response = await client.GetAsync("/api/v1/ingest/unknown-devices");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
