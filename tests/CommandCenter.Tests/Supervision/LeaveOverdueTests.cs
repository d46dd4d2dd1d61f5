using System.Net;
using System.Net.Http.Json;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;
using CommandCenter.Tests.Site.Settings;
using static CommandCenter.Tests.Supervision.LeaveRequests;

namespace CommandCenter.Tests.Supervision;

/// <summary>The small county with a debounce of two seconds, so that a leave can end and its grace pass within a test.</summary>
public class QuickDebounceCountyApp : SmallCountyApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Alerts:DwellTime"] = "00:00:02" };
}

public class LeaveOverdueTests(QuickDebounceCountyApp app) : IClassFixture<QuickDebounceCountyApp>, IAsyncLifetime
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient devices = new() { BaseAddress = app.BaseAddress };
    private WatchingOfficer officer = default!;

    public async Task InitializeAsync() => officer = await WatchingOfficer.SignInAsync(app);

    public async Task DisposeAsync() => await officer.DisposeAsync();

    [Fact]
    public async Task APersonStillAwayWhenTheirApprovedLeaveEndsRaisesLeaveOverdueAndTheFirstFixBackInsideEndsIt()
    {
        var device = await county.VisibleDeviceAsync(30);
        using var commander = await app.SignInAsync(Roles.Commander);
        var now = TimeProvider.System.GetUtcNow();
        var requested = await RequestAsync(officer.Client, device.SubjectId, Between(now.AddMinutes(-10), now.AddSeconds(6), urgent: true, reason: "急诊"));
        var permitId = await IdOfAsync(requested);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(commander.Client, permitId, "approve")).StatusCode);

        await devices.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(Fixes.Item(device, now, Fixes.OutsideLatitude, Fixes.OutsideLongitude)));
        var overdue = await officer.Wall.AlertRaisedAsync(a => a.SubjectId == device.SubjectId && a.Rule == AlertRule.LeaveOverdue, TimeSpan.FromSeconds(30));

        Assert.Equal(AlertDetail.LeaveOverdueKey, overdue.DetailKey);
        Assert.Equal(permitId.ToString(System.Globalization.CultureInfo.InvariantCulture), overdue.DetailArgs![0]);
        Assert.True(TimeProvider.System.GetUtcNow() >= now.AddSeconds(8), "raised only after the end and the grace");

        await devices.PostAsJsonAsync("/api/v1/positions",
            Fixes.Batch(Fixes.Item(device, TimeProvider.System.GetUtcNow(), Fixes.InsideLatitude, Fixes.InsideLongitude)));
        Assert.True((await officer.Wall.AlertChangedAsync(a => a.AlertId == overdue.AlertId, TimeSpan.FromSeconds(15))).ConditionCleared);
    }

    [Fact]
    public async Task TheSquadsDelegatedDaysAreASettingTheServerAppliesAtOnceAndAudits()
    {
        var subject = await county.ScalarAsync<int>("SELECT id FROM subjects ORDER BY id OFFSET 3 LIMIT 1");
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", subject));
        using var commander = await app.SignInAsync(Roles.Commander);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        var permitId = await IdOfAsync(await RequestAsync(officer.Client, subject, Days(SiteToday.AddDays(21), 8)));
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(leader.Client, permitId, "approve")).StatusCode);

        var changed = await SettingsClient.ChangeAsync(commander.Client, new Dictionary<string, string?> { ["Leave:SquadMaxDays"] = "10" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(leader.Client, permitId, "approve")).StatusCode);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'settings-changed' AND detail LIKE '%Leave:SquadMaxDays%'"));
    }
}
