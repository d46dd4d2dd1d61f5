using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.AlertLog;
using CommandCenter.Alerts.Discipline;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;
using CommandCenter.TestSupport.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.AlertLog;

public class AlertActionsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>, IAsyncLifetime
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private WatchingOfficer officer = default!;

    private WallListener Wall => officer.Wall;

    public async Task InitializeAsync() => officer = await WatchingOfficer.SignInAsync(app);

    public async Task DisposeAsync() => await officer.DisposeAsync();

    private static int fences = 500_000;

    /// <summary>
    /// An alert as the rules would raise it, with its first event, for the n-th visible subject; each under
    /// a fence number of its own, so that tests may raise several for one subject and rule.
    /// </summary>
    private async Task<(long Id, TestDevice Device, int SquadId)> RaiseAsync(int index, AlertRule rule = AlertRule.ZoneExit, AlertSeverity severity = AlertSeverity.Critical,
        TimeSpan? ago = null, string state = "Raised", string? disposition = null)
    {
        var device = await county.VisibleDeviceAsync(index);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", device.SubjectId));
        var id = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, fence_id, severity, state, squad_id, raised_at, condition_cleared, disposition, closed_at)
            VALUES (@s, @rule, @fence, @severity, @state, @squad, now() - @ago, false, @disposition, CASE WHEN @state = 'Resolved' THEN now() - @ago END) RETURNING id
            """, ("s", device.SubjectId), ("fence", Interlocked.Increment(ref fences)), ("rule", rule.ToString()), ("severity", severity.ToString()), ("state", state), ("squad", squad),
            ("ago", ago ?? TimeSpan.FromSeconds(5)), ("disposition", (object?)disposition ?? DBNull.Value));
        await county.ScalarAsync<int>("INSERT INTO alert_events (alert_id, kind, at, actor) VALUES (@id, 'Raised', now(), 'system') RETURNING 1", ("id", id));
        return (id, device, squad);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task AnAlertWalksFromRaisedToResolvedAndEveryStepIsRecordedAndPushed()
    {
        var (id, _, squad) = await RaiseAsync(40);

        var steps = new[]
        {
            ("acknowledge", "{\"note\": \"看到了\"}", AlertState.Acknowledged),
            ("dispatch", $"{{\"squadId\": {squad}}}", AlertState.Dispatched),
            ("on-scene", "", AlertState.OnScene),
            ("resolve", "{\"disposition\": \"Admonition\", \"note\": \"当场训诫\"}", AlertState.Resolved),
        };
        foreach (var (step, body, expected) in steps)
        {
            var response = await PostAsync(officer.Client, $"/api/v1/alerts/{id}/{step}", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<AlertMessage>(Json.Web))!.State);
            Assert.Equal(expected, (await Wall.AlertChangedAsync(a => a.AlertId == id && a.State == expected)).State);
        }

        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM alerts WHERE id = @id AND state = 'Resolved' AND disposition = 'Admonition' AND dispatched_squad_id = @squad AND closed_at IS NOT NULL",
            ("id", id), ("squad", squad)));
        Assert.Equal("Raised,Acknowledged,Dispatched,OnScene,Resolved",
            await county.ScalarAsync<string>("SELECT string_agg(kind, ',' ORDER BY id) FROM alert_events WHERE alert_id = @id", ("id", id)));
        Assert.Equal("看到了", await county.ScalarAsync<string>("SELECT note FROM alert_events WHERE alert_id = @id AND kind = 'Acknowledged'", ("id", id)));
        Assert.Equal(4, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'alert-action' AND target = @t", ("t", $"alert:{id}")));
    }

    [Theory]
    [InlineData("dispatch", "{\"squadId\": 1}", "Acknowledge the alert first.")]
    [InlineData("on-scene", "", "Only a dispatched alert")]
    [InlineData("resolve", "{\"disposition\": \"NoViolation\"}", "Acknowledge the alert first.")]
    public async Task AStepOutOfOrderIsA409WithTheReason(string step, string body, string reason)
    {
        var (id, _, _) = await RaiseAsync(41);
        if (step == "on-scene")
        {
            await PostAsync(officer.Client, $"/api/v1/alerts/{id}/acknowledge", "");
        }

        var response = await PostAsync(officer.Client, $"/api/v1/alerts/{id}/{step}", body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("resolve", "{\"note\": \"x\"}", "disposition")]
    [InlineData("resolve", "{\"disposition\": \"Forgiven\"}", "$.disposition")]
    [InlineData("dismiss", "{}", "reason")]
    [InlineData("dispatch", "{}", "squadId")]
    [InlineData("dispatch", "{\"squadId\": 99999}", "no squad 99999")]
    [InlineData("acknowledge", "{\"notes\": \"typo\"}", "notes")]
    [InlineData("acknowledge", "[1, 2]", "$")]
    public async Task ABodyThatIsWrongIsA400SayingWhat(string step, string body, string named)
    {
        var (id, _, _) = await RaiseAsync(42);
        await PostAsync(officer.Client, $"/api/v1/alerts/{id}/acknowledge", "");

        var response = await PostAsync(officer.Client, $"/api/v1/alerts/{id}/{step}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAlertThatDoesNotExistIs404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(officer.Client, "/api/v1/alerts/987654/acknowledge", "")).StatusCode);
    }

    [Fact]
    public async Task ASquadLeaderActsOnlyOnTheirSquadsAlertsAndSendsOnlyTheirOwnSquad()
    {
        var (own, _, squad) = await RaiseAsync(43);
        var otherSquad = await county.ScalarAsync<int>("SELECT id FROM squads WHERE id <> @s ORDER BY id LIMIT 1", ("s", squad));
        var theirs = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, raised_at, condition_cleared)
            SELECT id, 'Offline', 'Major', 'Raised', squad_id, now(), false FROM subjects WHERE squad_id = @other LIMIT 1 RETURNING id
            """, ("other", otherSquad));
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(leader.Client, $"/api/v1/alerts/{theirs}/acknowledge", "")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Client.GetAsync($"/api/v1/alerts/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(leader.Client, $"/api/v1/alerts/{own}/acknowledge", "")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(leader.Client, $"/api/v1/alerts/{own}/dispatch", $"{{\"squadId\": {otherSquad}}}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(leader.Client, $"/api/v1/alerts/{own}/dispatch", $"{{\"squadId\": {squad}}}")).StatusCode);
    }

    [Fact]
    public async Task AnAlertNobodyAcknowledgedInTimeEscalates()
    {
        var (late, _, _) = await RaiseAsync(44, AlertRule.Tamper, AlertSeverity.Critical, ago: TimeSpan.FromMinutes(3));
        var (fresh, _, _) = await RaiseAsync(45, AlertRule.Tamper, AlertSeverity.Critical, ago: TimeSpan.FromSeconds(30));

        var escalated = await app.Services.GetRequiredService<AlertEscalation>().EscalateAsync(CancellationToken.None);

        Assert.Contains(late, escalated);
        Assert.DoesNotContain(fresh, escalated);
        Assert.NotNull((await Wall.AlertChangedAsync(a => a.AlertId == late)).EscalatedAt);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alert_events WHERE alert_id = @id AND kind = 'Escalated'", ("id", late)));
    }

    [Fact]
    public async Task TheDetailsShowTheHistoryAndSuggestTheNextStepOfTheLadder()
    {
        await RaiseAsync(46, AlertRule.Curfew, state: "Resolved", disposition: "Admonition", ago: TimeSpan.FromDays(40));
        await RaiseAsync(46, AlertRule.ZoneEntry, state: "Resolved", disposition: "Admonition", ago: TimeSpan.FromDays(20));
        var (id, _, _) = await RaiseAsync(46, AlertRule.ZoneExit);

        var details = await officer.Client.GetFromJsonAsync<AlertDetails>($"/api/v1/alerts/{id}", Json.Web);

        Assert.Equal(id, details!.Alert.AlertId);
        Assert.Equal(AlertEventKind.Raised, Assert.Single(details.Events).Kind);
        Assert.Equal([AlertAction.Acknowledge, AlertAction.Dismiss], details.AllowedActions);
        Assert.Equal(Disposition.Warning, details.Suggestion!.Disposition);
        Assert.Equal(DisciplineReason.TwoUncorrectedAdmonitions, details.Suggestion.Reason);
    }
}
