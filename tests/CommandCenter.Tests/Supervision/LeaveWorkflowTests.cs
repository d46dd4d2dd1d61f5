using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Supervision;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static CommandCenter.Tests.Supervision.LeaveRequests;

namespace CommandCenter.Tests.Supervision;

/// <summary>
/// Leave requested, then decided, on real PostGIS: who may decide (the squad leader of the person's squad up to the
/// delegated days, the commander any length, never their own request, never a duty officer), the limits checked
/// on the server with the rule named, and that only an approved permit excuses a county exit.
/// </summary>
public class LeaveWorkflowTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient devices = new() { BaseAddress = app.BaseAddress };

    private static DateOnly Ahead => SiteToday.AddDays(21);

    private async Task<(int Subject, int Squad)> SubjectAsync(int index)
    {
        var subject = await county.ScalarAsync<int>("SELECT id FROM subjects ORDER BY id OFFSET @i LIMIT 1", ("i", index));
        return (subject, await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", subject)));
    }

    private Task<long> CountAsync(string where, long permitId) =>
        county.CountAsync($"SELECT count(*) FROM leave_permits WHERE id = @p AND {where}", ("p", permitId));

    [Fact]
    public async Task ADutyOfficersRequestWaitsUntilTheSquadLeaderOfThePersonsSquadApprovesItAndBothAreRecordedApart()
    {
        var (subject, squad) = await SubjectAsync(1);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);

        var requested = await RequestAsync(duty.Client, subject, Days(Ahead, 3));
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var permitId = await IdOfAsync(requested);
        Assert.Equal(1, await CountAsync("approved_at IS NULL AND refused_at IS NULL AND requested_by IS NOT NULL", permitId));

        var approved = await DecideAsync(leader.Client, permitId, "approve", "符合外出条件");

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var view = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(view.GetProperty("requestedBy").GetString(), view.GetProperty("approvedBy").GetString());
        Assert.Equal(1, await CountAsync("approved_by IS NOT NULL AND approved_by <> requested_by AND decision_reason = '符合外出条件'", permitId));
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'leave-permit' AND target = @t", ("t", $"subject:{subject}")));
    }

    [Fact]
    public async Task ASquadLeaderMayNotApproveEightDaysButTheBrigadeCommanderMay()
    {
        var (subject, squad) = await SubjectAsync(2);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        using var commander = await app.SignInAsync(Roles.Commander);
        var permitId = await IdOfAsync(await RequestAsync(duty.Client, subject, Days(Ahead, 8)));

        var byLeader = await DecideAsync(leader.Client, permitId, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal("delegation", (await ProblemOfAsync(byLeader)).Rule);
        Assert.Equal(1, await CountAsync("approved_at IS NULL", permitId));
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(commander.Client, permitId, "approve")).StatusCode);
    }

    [Fact]
    public async Task ASquadLeaderOfAnotherSquadFindsNoSuchPermitToDecide()
    {
        var (subject, squad) = await SubjectAsync(3);
        var otherSquad = await county.ScalarAsync<int>("SELECT id FROM squads WHERE id <> @s ORDER BY id LIMIT 1", ("s", squad));
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var other = await app.SignInAsync(Roles.SquadLeader, otherSquad);
        var permitId = await IdOfAsync(await RequestAsync(duty.Client, subject, Days(Ahead, 2)));

        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(other.Client, permitId, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(other.Client, permitId, "refuse", "不同意")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RequestAsync(other.Client, subject, Days(Ahead, 2))).StatusCode);
        Assert.Equal(1, await CountAsync("approved_at IS NULL AND refused_at IS NULL", permitId));
    }

    [Fact]
    public async Task NobodyDecidesALeaveRequestTheyMadeThemselvesNotEvenTheCommander()
    {
        var (subject, squad) = await SubjectAsync(4);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        using var commander = await app.SignInAsync(Roles.Commander);
        var ownByLeader = await IdOfAsync(await RequestAsync(leader.Client, subject, Days(Ahead, 2)));
        var ownByCommander = await IdOfAsync(await RequestAsync(commander.Client, subject, Days(Ahead.AddDays(10), 2)));

        foreach (var (session, permitId) in new[] { (leader, ownByLeader), (commander, ownByCommander) })
        {
            var approve = await DecideAsync(session.Client, permitId, "approve");
            var refuse = await DecideAsync(session.Client, permitId, "refuse", "撤回");
            Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
            Assert.Equal("own-request", (await ProblemOfAsync(approve)).Rule);
            Assert.Equal("own-request", (await ProblemOfAsync(refuse)).Rule);
            Assert.Equal(1, await CountAsync("approved_at IS NULL AND refused_at IS NULL", permitId));
        }

        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(commander.Client, ownByLeader, "approve")).StatusCode);
    }

    [Fact]
    public async Task ADutyOfficerRequestsLeaveButDecidesNoneThroughTheApiOrThePage()
    {
        var (subject, _) = await SubjectAsync(5);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var colleague = await app.SignInAsync(Roles.DutyOfficer);
        var permitId = await IdOfAsync(await RequestAsync(duty.Client, subject, Days(Ahead, 2)));

        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(colleague.Client, permitId, "approve")).StatusCode);
        var desk = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "desk-officer"), new Claim(ClaimTypes.Role, Roles.DutyOfficer)], "test"));
        var byService = await app.Services.GetRequiredService<LeaveService>().ApproveAsync(permitId, new LeaveStepRequest(), desk, CancellationToken.None);

        Assert.Equal((StatusCodes.Status403Forbidden, "authority"), (byService.Status, byService.Rule));
        Assert.Equal(1, await CountAsync("approved_at IS NULL", permitId));
    }

    [Fact]
    public async Task ARefusalNeedsItsReasonAndEndsTheRequest()
    {
        var (subject, squad) = await SubjectAsync(6);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        using var commander = await app.SignInAsync(Roles.Commander);
        var permitId = await IdOfAsync(await RequestAsync(duty.Client, subject, Days(Ahead, 2)));

        var bare = await DecideAsync(leader.Client, permitId, "refuse");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal("refusal-reason", (await ProblemOfAsync(bare)).Rule);

        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(leader.Client, permitId, "refuse", "近期有未纠正的训诫")).StatusCode);
        var later = await DecideAsync(commander.Client, permitId, "approve");

        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
        Assert.Equal(1, await CountAsync("refused_by IS NOT NULL AND approved_at IS NULL AND decision_reason = '近期有未纠正的训诫'", permitId));
    }

    [Fact]
    public async Task ARequestThatBreaksALimitIsRefusedNamingTheRuleInTheReadersLanguageAndNothingIsStored()
    {
        var (subject, _) = await SubjectAsync(7);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var stored = await county.CountAsync("SELECT count(*) FROM leave_permits WHERE subject_id = @s", ("s", subject));

        var tomorrow = await RequestAsync(duty.Client, subject, Days(SiteToday.AddDays(1), 2), "zh-CN");
        var inEnglish = await RequestAsync(duty.Client, subject, Days(SiteToday.AddDays(1), 2), "en");
        var tooLong = await RequestAsync(duty.Client, subject, Days(Ahead, 31));
        var urgentWithoutReason = await RequestAsync(duty.Client, subject, Days(SiteToday.AddDays(1), 2, urgent: true));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tomorrow.StatusCode);
        var (rule, detail) = await ProblemOfAsync(tomorrow);
        Assert.Equal("notice", rule);
        Assert.Contains("工作日", detail);
        Assert.Contains("working days", (await ProblemOfAsync(inEnglish)).Detail);
        Assert.Equal("max-days", (await ProblemOfAsync(tooLong)).Rule);
        Assert.Equal("urgent-reason", (await ProblemOfAsync(urgentWithoutReason)).Rule);
        Assert.Equal(stored, await county.CountAsync("SELECT count(*) FROM leave_permits WHERE subject_id = @s", ("s", subject)));

        var urgent = await RequestAsync(duty.Client, subject, Days(SiteToday.AddDays(1), 2, urgent: true, reason: "母亲急病住院"));
        Assert.Equal(HttpStatusCode.Created, urgent.StatusCode);
    }

    [Fact]
    public async Task TheYearsTotalIsCheckedAgainWhenARequestIsApproved()
    {
        var (subject, _) = await SubjectAsync(8);
        var year = SiteToday.Year + 1;
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var commander = await app.SignInAsync(Roles.Commander);
        var march = await IdOfAsync(await RequestAsync(duty.Client, subject, Days(new DateOnly(year, 3, 1), 30)));
        var may = await IdOfAsync(await RequestAsync(duty.Client, subject, Days(new DateOnly(year, 5, 3), 30)));
        var july = await IdOfAsync(await RequestAsync(duty.Client, subject, Days(new DateOnly(year, 7, 1), 5)));

        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(commander.Client, march, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(commander.Client, may, "approve")).StatusCode);
        var third = await DecideAsync(commander.Client, july, "approve");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, third.StatusCode);
        Assert.Equal("yearly-cap", (await ProblemOfAsync(third)).Rule);
        Assert.Equal(1, await CountAsync("approved_at IS NULL", july));
        Assert.Equal("yearly-cap", (await ProblemOfAsync(await RequestAsync(duty.Client, subject, Days(new DateOnly(year, 9, 1), 1)))).Rule);
    }

    [Fact]
    public async Task ARequestFromThePersonsOwnDeviceIsRecordedAsTheDevicesAndTheSquadLeaderDecidesIt()
    {
        var device = await county.VisibleDeviceAsync(41);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", device.SubjectId));
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        var body = JsonSerializer.Deserialize<LeavePermitRequest>(Days(Ahead, 2))!;

        var requested = await app.Services.GetRequiredService<LeaveService>().RequestAsync(device.SubjectId, body, LeaveRequester.Device(device.DeviceId), CancellationToken.None);

        var permitId = Assert.IsType<LeavePermitView>(requested.Stored).Id;
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(leader.Client, permitId, "approve")).StatusCode);
        Assert.Equal(1, await CountAsync("requested_by IS NULL AND requested_by_device_id = @d AND approved_by IS NOT NULL".Replace("@d", device.DeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)), permitId));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'leave-permit' AND actor = @a", ("a", $"device:{device.DeviceId}")));
    }

    [Fact]
    public async Task ARequestedPermitExcusesNoCountyExitUntilItIsApproved()
    {
        var device = await county.VisibleDeviceAsync(40);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var now = TimeProvider.System.GetUtcNow();
        var requested = await RequestAsync(duty.Client, device.SubjectId, Between(now.AddMinutes(-5), now.AddHours(2), urgent: true, reason: "急诊"));
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);

        var (lat, lon) = (Fixes.OutsideLatitude, Fixes.OutsideLongitude);
        var answer = await (await devices.PostAsJsonAsync("/api/v1/positions",
            Fixes.Batch(Fixes.Item(device, now.AddSeconds(-20), lat, lon), Fixes.Item(device, now.AddSeconds(-15), lat, lon)))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, answer.GetProperty("alertsRaised").GetInt32());
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'ZoneExit' AND fence_id IS NOT NULL", ("s", device.SubjectId)));
    }
}
