using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Live;

public class AlertBroadcastTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>, IAsyncLifetime
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient client = new() { BaseAddress = app.BaseAddress };
    private readonly Channel<AlertMessage> raised = Channel.CreateUnbounded<AlertMessage>();
    private readonly Channel<PositionsFrame> frames = Channel.CreateUnbounded<PositionsFrame>();
    private HubConnection hub = default!;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public async Task InitializeAsync()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);
        hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/wall"), options => options.Cookies = session.Cookies)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        hub.On<AlertMessage>("alertRaised", alert => raised.Writer.TryWrite(alert));
        hub.On<PositionsFrame>("positionsFrame", frame => frames.Writer.TryWrite(frame));
        await hub.StartAsync();
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<AlertMessage> NextAlertForAsync(int subjectId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var alert = await raised.Reader.ReadAsync(timeout.Token);
            if (alert.SubjectId == subjectId)
            {
                return alert;
            }
        }
    }

    [Fact]
    public async Task TwoFixesOutsideTheCountyRaiseAStoredAlertAndPushAlertRaised()
    {
        var device = await county.VisibleDeviceAsync(10);

        // One fix beyond a fence is only a pending crossing (GPS drift); the second confirms it.
        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, Now.AddSeconds(-4), Fixes.OutsideLatitude, Fixes.OutsideLongitude),
            Fixes.Item(device, Now.AddSeconds(-2), Fixes.OutsideLatitude, Fixes.OutsideLongitude)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<IngestAnswer>())!.AlertsRaised);
        var alert = await NextAlertForAsync(device.SubjectId);
        Assert.Equal(AlertRule.ZoneExit, alert.Rule);
        Assert.Equal(AlertState.Raised, alert.State);
        Assert.Equal(device.SubjectCode, alert.SubjectCode);
        Assert.True(alert.Sequence > 0);
        Assert.Equal(Fixes.OutsideLatitude, alert.Latitude!.Value, 6);

        var stored = await county.CountAsync(
            "SELECT count(*) FROM alerts a JOIN alert_events e ON e.alert_id = a.id AND e.kind = 'Raised' WHERE a.id = @id AND a.rule = 'ZoneExit' AND a.state = 'Raised'",
            ("id", alert.AlertId));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task TheSameViolationAgainDoesNotRaiseASecondOpenAlert()
    {
        var device = await county.VisibleDeviceAsync(11);
        await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, Now.AddSeconds(-30), Fixes.OutsideLatitude, Fixes.OutsideLongitude),
            Fixes.Item(device, Now.AddSeconds(-20), Fixes.OutsideLatitude, Fixes.OutsideLongitude)));
        await NextAlertForAsync(device.SubjectId);

        var second = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(Fixes.Item(device, Now.AddSeconds(-10), Fixes.OutsideLatitude, Fixes.OutsideLongitude)));

        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<IngestAnswer>())!.AlertsRaised);
        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM alerts WHERE subject_id = @id AND state NOT IN ('Resolved', 'Dismissed')", ("id", device.SubjectId)));
    }

    [Fact]
    public async Task EnteringAVictimsHomeZoneRaisesZoneEntryForThatFence()
    {
        var (fenceId, device, latitude, longitude) = await county.VictimHomeZoneAsync();

        await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(Fixes.Item(device, Now.AddSeconds(-3), latitude, longitude)));

        var alert = await NextAlertForAsync(device.SubjectId);
        Assert.Equal(AlertRule.ZoneEntry, alert.Rule);
        Assert.Equal(fenceId, alert.FenceId);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
    }

    [Fact]
    public async Task PositionsArePushedInFramesButOnlyForSubjectsWhoseOrderIsInForce()
    {
        var visible = await county.VisibleDeviceAsync(12);
        var hidden = await county.HiddenDeviceAsync();
        var storedBefore = await county.CountAsync("SELECT count(*) FROM positions WHERE device_id = @id", ("id", hidden.DeviceId));

        await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(visible, Now.AddSeconds(-4), 35.52, 117.66),
            Fixes.Item(hidden, Now.AddSeconds(-4), 35.52, 117.66)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<FramePosition>();
        while (!seen.Any(p => p.SubjectId == visible.SubjectId))
        {
            seen.AddRange((await frames.Reader.ReadAsync(timeout.Token)).Positions());
        }

        Assert.DoesNotContain(seen, p => p.SubjectId == hidden.SubjectId);
        var stored = await county.CountAsync("SELECT count(*) FROM positions WHERE device_id = @id", ("id", hidden.DeviceId));
        Assert.Equal(storedBefore + 1, stored);
    }

    [Fact]
    public async Task TheFeedNumbersEveryMessageAndAReplayRepeatsTheNumbersInOrder()
    {
        var feed = app.Services.GetRequiredService<LiveFeed>();
        var before = feed.LastSequence;
        TestDevice[] devices = [await county.VisibleDeviceAsync(13), await county.VisibleDeviceAsync(14), await county.VisibleDeviceAsync(15)];
        var live = new List<AlertMessage>();
        foreach (var device in devices)
        {
            var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
                Fixes.Item(device, Now.AddSeconds(-4), Fixes.OutsideLatitude, Fixes.OutsideLongitude),
                Fixes.Item(device, Now.AddSeconds(-2), Fixes.OutsideLatitude, Fixes.OutsideLongitude)));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            live.Add(await NextAlertForAsync(device.SubjectId));
        }

        // Live, each message is numbered after the one before (frames of positions share the numbering, so gaps are allowed).
        Assert.True(live[0].Sequence > before);
        AssertRising(live);

        // A client away since the first number gets the same messages with the same numbers, in order.
        var replay = await hub.InvokeAsync<LiveReplay>(nameof(WallHub.Missed), before, feed.Epoch);
        Assert.False(replay.Reset);
        AssertRising(replay.Alerts);
        Assert.Equal(live.Select(a => (a.AlertId, a.Sequence)), Ours(replay).Select(a => (a.AlertId, a.Sequence)));

        // One that saw the second already gets only what came after it.
        var rest = await hub.InvokeAsync<LiveReplay>(nameof(WallHub.Missed), live[1].Sequence, feed.Epoch);
        Assert.All(rest.Alerts, a => Assert.True(a.Sequence > live[1].Sequence));
        Assert.Equal([live[2].AlertId], Ours(rest).Select(a => a.AlertId));

        // Numbers of an earlier server start mean nothing now: that client is told to reload.
        var stale = await hub.InvokeAsync<LiveReplay>(nameof(WallHub.Missed), before, "an-earlier-start");
        Assert.True(stale.Reset);
        Assert.Empty(stale.Alerts);

        IEnumerable<AlertMessage> Ours(LiveReplay replayed) => replayed.Alerts.Where(a => devices.Any(d => d.SubjectId == a.SubjectId));
    }

    private static void AssertRising(IReadOnlyList<AlertMessage> alerts)
    {
        for (var i = 1; i < alerts.Count; i++)
        {
            Assert.True(alerts[i - 1].Sequence < alerts[i].Sequence, $"message {i} is numbered {alerts[i].Sequence} after {alerts[i - 1].Sequence}");
        }
    }

    private sealed record IngestAnswer(int Accepted, int Duplicates, int AlertsRaised);
}
