using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.Tests.Security;

namespace CommandCenter.Tests.Site.Settings;

/// <summary>A changed threshold reaches the running rule engine: no restart, the next timer tick judges by it.</summary>
public class SettingsInForceTests(FakeClockApp app) : SignedInTest(Roles.Commander), IClassFixture<FakeClockApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    protected override TestSupport.Hosting.CommandCenterApp Host => app;

    private static readonly string[] OfflineKeys =
    [
        "Alerts:OfflineAfter:Bracelet", "Alerts:OfflineAfter:Phone",
        .. from kind in new[] { "Bracelet", "Phone" } from risk in new[] { "High", "Medium", "Low" } select $"Alerts:OfflineAfterByRisk:{kind}:{risk}",
    ];

    [Fact]
    public async Task AShorterOfflineThresholdRaisesTheOfflineAlertSoonerWithoutARestart()
    {
        var device = await county.VisibleDeviceAsync(4);
        using var devices = new HttpClient { BaseAddress = app.BaseAddress };
        var posted = await devices.PostAsJsonAsync("/api/v1/positions",
            Fixes.Batch(Fixes.Item(device, app.Clock.GetUtcNow(), Fixes.InsideLatitude, Fixes.InsideLongitude)));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        // Four silent minutes are within every default threshold (10 minutes at the least).
        await PassAsync(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await OpenOfflineAlertsAsync(device.SubjectId));

        var changed = await SettingsClient.ChangeAsync(Client, OfflineKeys.ToDictionary(k => k, _ => (string?)"00:03:00"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        await PassAsync(TimeSpan.FromSeconds(5), until: async () => await OpenOfflineAlertsAsync(device.SubjectId) > 0);
        Assert.Equal(1, await OpenOfflineAlertsAsync(device.SubjectId));
    }

    /// <summary>Turns the clock second by second (so the pipeline's timer ticks) and gives the pipeline real time to run.</summary>
    private async Task PassAsync(TimeSpan span, Func<Task<bool>>? until = null)
    {
        app.Clock.Advance(span);
        for (var i = 0; i < 100; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
            if (until is not null && await until())
            {
                return;
            }
        }
    }

    private async Task<long> OpenOfflineAlertsAsync(int subjectId) => await county.CountAsync(
        "SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'Offline' AND state NOT IN ('Resolved', 'Dismissed')", ("s", subjectId));
}
