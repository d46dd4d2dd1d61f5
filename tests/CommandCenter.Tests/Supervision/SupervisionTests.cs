using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Supervision;

public class SupervisionTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>, IAsyncLifetime
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient devices = new() { BaseAddress = app.BaseAddress };
    private WatchingOfficer officer = default!;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private static DateOnly SiteToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private WallListener Wall => officer.Wall;

    public async Task InitializeAsync() => officer = await WatchingOfficer.SignInAsync(app);

    public async Task DisposeAsync() => await officer.DisposeAsync();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json) =>
        officer.Client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private async Task<JsonElement> PostFixesAsync(params object[] items) =>
        await (await devices.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(items))).Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task AMissedCheckInIsAlertedAndTheCheckInThatFollowsClearsIt()
    {
        var device = await county.VisibleDeviceAsync(50);

        var set = await SendAsync(HttpMethod.Put, $"/api/v1/subjects/{device.SubjectId}/check-in-schedule",
            $$"""{"firstDue": "{{SiteToday.AddDays(-1):yyyy-MM-dd}}", "intervalDays": 7, "dueBy": "00:00:01"}""");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var missed = await Wall.AlertRaisedAsync(a => a.SubjectId == device.SubjectId && a.Rule == AlertRule.MissedCheckIn);
        Assert.Equal(AlertDetail.MissedCheckInKey, missed.DetailKey);

        var checkIn = await SendAsync(HttpMethod.Post, $"/api/v1/subjects/{device.SubjectId}/check-ins", """{"method": "FaceSignIn", "note": "乡镇终端"}""");

        Assert.Equal(HttpStatusCode.Created, checkIn.StatusCode);
        Assert.True((await Wall.AlertChangedAsync(a => a.AlertId == missed.AlertId)).ConditionCleared);
        var listed = await officer.Client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/subjects/{device.SubjectId}/check-ins");
        Assert.Equal("FaceSignIn", Assert.Single(listed!).GetProperty("method").GetString());
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'record-changed' AND target = @t", ("t", $"subject:{device.SubjectId}")));
    }

    [Fact]
    public async Task ALeaveTurnsACountyExitIntoNoViolationButLeavingTheDestinationTooIsOne()
    {
        var device = await county.VisibleDeviceAsync(51);
        var (lat, lon) = (Fixes.OutsideLatitude, Fixes.OutsideLongitude);
        var area = $$"""{"type": "Polygon", "coordinates": [[[{{lon - 0.02}}, {{lat - 0.02}}], [{{lon + 0.02}}, {{lat - 0.02}}], [{{lon + 0.02}}, {{lat + 0.02}}], [{{lon - 0.02}}, {{lat + 0.02}}], [{{lon - 0.02}}, {{lat - 0.02}}]]]}""";
        var requested = await SendAsync(HttpMethod.Post, $"/api/v1/subjects/{device.SubjectId}/leave-permits",
            $$"""{"startsAt": "{{Now.AddMinutes(-5):O}}", "endsAt": "{{Now.AddHours(2):O}}", "destination": "临沂市区", "area": {{area}}, "bufferMeters": 300, "purpose": "就医", "urgent": true, "urgentReason": "急诊"}""");
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var permitId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var commander = await app.SignInAsync(Roles.Commander);
        Assert.Equal(HttpStatusCode.OK, (await commander.Client.PostAsync($"/api/v1/leave-permits/{permitId}/approve",
            new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);

        var atDestination = await PostFixesAsync(Fixes.Item(device, Now.AddSeconds(-30), lat, lon), Fixes.Item(device, Now.AddSeconds(-25), lat, lon));
        Assert.Equal(0, atDestination.GetProperty("alertsRaised").GetInt32());

        var elsewhere = await PostFixesAsync(Fixes.Item(device, Now.AddSeconds(-10), 35.0, 117.0), Fixes.Item(device, Now.AddSeconds(-5), 35.0, 117.0));
        Assert.Equal(1, elsewhere.GetProperty("alertsRaised").GetInt32());
        var alert = await Wall.AlertRaisedAsync(a => a.SubjectId == device.SubjectId);
        Assert.Equal(AlertRule.ZoneExit, alert.Rule);
        Assert.Null(alert.FenceId);
        Assert.Equal(AlertDetail.OutsideLeaveDestination(permitId), new AlertDetail(alert.DetailKey!, alert.DetailArgs!));
    }

    [Theory]
    [InlineData("PUT", "check-in-schedule", """{"firstDue": "2026-01-01", "intervalDays": 0}""", "intervalDays")]
    [InlineData("PUT", "check-in-schedule", """{"firstDue": "soon", "intervalDays": 7}""", "$.firstDue")]
    [InlineData("POST", "check-ins", """{"note": "x"}""", "method")]
    [InlineData("POST", "check-ins", """{"method": "Telepathy"}""", "$.method")]
    [InlineData("POST", "check-ins", """{"method": "App", "at": "2030-01-01T00:00:00Z"}""", "future")]
    [InlineData("POST", "check-ins", """{"method": "App", "where": "home"}""", "where")]
    [InlineData("POST", "leave-permits", """{"startsAt": "2026-01-02T00:00:00Z", "endsAt": "2026-01-01T00:00:00Z", "destination": "x", "area": {"type": "Point", "coordinates": [117, 35]}}""", "endsAt")]
    [InlineData("POST", "leave-permits", """{"startsAt": "2026-01-01T00:00:00Z", "endsAt": "2026-01-02T00:00:00Z", "destination": "x", "area": {"type": "Point", "coordinates": [117, 35]}}""", "Polygon")]
    [InlineData("POST", "leave-permits", """{"startsAt": "2026-01-01T00:00:00Z", "endsAt": "2026-01-02T00:00:00Z", "destination": "x", "area": {"type": "Polygon", "coordinates": "none"}}""", "not usable")]
    public async Task AWrongBodyIsA400SayingWhatAndStoresNothing(string method, string what, string body, string named)
    {
        var device = await county.VisibleDeviceAsync(52);

        var response = await SendAsync(new HttpMethod(method), $"/api/v1/subjects/{device.SubjectId}/{what}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, await county.CountAsync("""
            SELECT (SELECT count(*) FROM check_ins WHERE subject_id = @s) + (SELECT count(*) FROM leave_permits WHERE subject_id = @s)
                 + (SELECT count(*) FROM check_in_schedules WHERE subject_id = @s)
            """, ("s", device.SubjectId)));
    }

    [Fact]
    public async Task ASquadLeaderCannotSeeOrChangeTheSubjectsOfAnotherSquad()
    {
        var device = await county.VisibleDeviceAsync(53);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", device.SubjectId));
        var other = await county.ScalarAsync<int>("SELECT id FROM squads WHERE id <> @s ORDER BY id LIMIT 1", ("s", squad));
        using var leader = await app.SignInAsync(Roles.SquadLeader, other);

        var response = await leader.Client.PostAsync($"/api/v1/subjects/{device.SubjectId}/check-ins",
            new StringContent("""{"method": "Office"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Client.GetAsync($"/api/v1/subjects/{device.SubjectId}/check-ins")).StatusCode);
    }
}
