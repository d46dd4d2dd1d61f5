using System.Net;
using System.Net.Http.Json;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Security;
using CommandCenter.Supervision;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;
using CommandCenter.Tests.Site.Settings;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// The host was down when two leaves ended: one subject came back only after the end, the other was back before it
    /// and left again. When the rules read the subjects again, the late one is raised once, by the fix taken by the end
    /// and not by the newest, and the one back in time is not.
    /// </summary>
    [Fact]
    public async Task ALeaveThatEndedWhileTheRulesWereNotLookingIsJudgedByTheFixesUpToItsEndAndRaisedOnce()
    {
        var late = await county.VisibleDeviceAsync(31);
        var back = await county.VisibleDeviceAsync(32);
        var latePermit = await EndedPermitAsync(late.SubjectId);
        await EndedPermitAsync(back.SubjectId);
        await county.PlaceAsync(late.SubjectId, (TimeSpan.FromHours(2), 0, 1.0), (TimeSpan.FromMinutes(10), 0, 0));
        await county.PlaceAsync(back.SubjectId, (TimeSpan.FromMinutes(70), 0, 0), (TimeSpan.FromMinutes(10), 0, 1.0));
        var rules = app.Services.GetRequiredService<IRuleEngine>();

        await rules.SupervisionChangedAsync(late.SubjectId, CancellationToken.None);
        await rules.SupervisionChangedAsync(back.SubjectId, CancellationToken.None);
        var overdue = await officer.Wall.AlertRaisedAsync(a => a.SubjectId == late.SubjectId && a.Rule == AlertRule.LeaveOverdue, TimeSpan.FromSeconds(30));

        Assert.Equal(latePermit.ToString(System.Globalization.CultureInfo.InvariantCulture), overdue.DetailArgs![0]);
        await rules.SupervisionChangedAsync(late.SubjectId, CancellationToken.None);
        await rules.SupervisionChangedAsync(back.SubjectId, CancellationToken.None);
        await SettleAsync();
        Assert.Equal(1, await OverdueCountAsync(late.SubjectId));
        Assert.Equal(0, await OverdueCountAsync(back.SubjectId));
    }

    /// <summary>An approved leave that ran from three hours ago to an hour ago, to a place far east of the county.</summary>
    private Task<long> EndedPermitAsync(int subjectId) => county.ScalarAsync<long>("""
        INSERT INTO leave_permits (subject_id, starts_at, ends_at, destination, area, buffer_meters, requested_by, requested_at, urgent, approved_by, approved_at)
        VALUES (@s, now() - interval '3 hours', now() - interval '1 hour', '临沂市区',
                ST_GeomFromText('POLYGON((118.5 35.0, 118.6 35.0, 118.6 35.1, 118.5 35.1, 118.5 35.0))', 4326), 500,
                'officer', now() - interval '1 day', false, 'commander', now() - interval '1 day')
        RETURNING id
        """, ("s", subjectId));

    /// <summary>A fix posted after the reloads is answered only once the batch that took them has committed.</summary>
    private async Task SettleAsync()
    {
        var bystander = await county.VisibleDeviceAsync(33);
        Assert.Equal(HttpStatusCode.Accepted, (await devices.PostAsJsonAsync("/api/v1/positions",
            Fixes.Batch(Fixes.Item(bystander, TimeProvider.System.GetUtcNow(), Fixes.InsideLatitude, Fixes.InsideLongitude)))).StatusCode);
    }

    private Task<long> OverdueCountAsync(int subjectId) =>
        county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'LeaveOverdue'", ("s", subjectId));
}
