using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Subjects;
using CommandCenter.Subjects.Positioning;
using CommandCenter.Subjects.Tracks;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;

namespace CommandCenter.Tests.Subjects.Positioning;

/// <summary>The orders workflow through the API, and what an order allows: the live map and the track of a day.</summary>
public class PositioningEndpointsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private static DateOnly Today => SubjectApi.Today;

    [Fact]
    public async Task AnOrderRequestedByAnOfficerShowsNothingUntilACommanderApprovesIt()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var commander = await app.SignInAsync(Roles.Commander);
        var subject = await TakeInAsync(duty.Client, "T-ORD-1", 1);
        await county.PlaceAsync(subject, (SubjectApi.SinceMidnight / 2, 0, 0));

        var requested = await RequestAsync(duty.Client, subject, Today, Today.AddDays(30));
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var order = await IdAsync(requested);

        Assert.DoesNotContain(subject, await MapSubjectsAsync(duty.Client));
        Assert.Equal(HttpStatusCode.Forbidden, (await TrackAsync(duty.Client, subject, Today)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await commander.Client.PostAsync($"/api/v1/subjects/{subject}/orders/{order}/approve", null)).StatusCode);

        Assert.Contains(subject, await MapSubjectsAsync(duty.Client));
        var track = await TrackAsync(duty.Client, subject, Today);
        Assert.Equal(HttpStatusCode.OK, track.StatusCode);
        Assert.Single((await track.Content.ReadFromJsonAsync<TrackResult>(SubjectApi.Json))!.Points);
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'positioning-order' AND target = 'subject:T-ORD-1'"));
    }

    [Fact]
    public async Task AFixSentRightAfterTheApprovalIsOnTheLiveWallWithoutWaitingForTheDirectoryToBeReadAgain()
    {
        await using var watching = await WatchingOfficer.SignInAsync(app);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var commander = await app.SignInAsync(Roles.Commander);
        var subject = await TakeInAsync(duty.Client, "T-ORD-LIVE", 1);
        var (serial, key) = await EnrolAsync(duty.Client, subject);
        var order = await IdAsync(await RequestAsync(duty.Client, subject, Today, Today.AddDays(30)));
        Assert.Equal(HttpStatusCode.OK, (await SendFixAsync(serial, key, 2)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await commander.Client.PostAsync($"/api/v1/subjects/{subject}/orders/{order}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendFixAsync(serial, key, 1)).StatusCode);

        // The periodic refresh is a minute away: only the approval itself can have put the order in force this soon.
        // The fix before the approval was never shown (the order was not in force), so the one shown is the one after it.
        var shown = await watching.Wall.PositionAsync(p => p.SubjectId == subject, TimeSpan.FromSeconds(10));
        Assert.Equal(Fixes.InsideLatitude, shown.Latitude, 6);
        Assert.Equal(Fixes.InsideLongitude, shown.Longitude, 6);
    }

    [Fact]
    public async Task TheCommanderDecidesButDoesNotRequestAndOfficersRequestButDoNotDecide()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var commander = await app.SignInAsync(Roles.Commander);
        var subject = await TakeInAsync(duty.Client, "T-ORD-2", 1);
        var order = await IdAsync(await RequestAsync(duty.Client, subject, Today, Today.AddDays(10)));

        Assert.Equal(HttpStatusCode.Forbidden, (await RequestAsync(commander.Client, subject, Today.AddDays(20), Today.AddDays(30))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.Client.PostAsync($"/api/v1/subjects/{subject}/orders/{order}/approve", null)).StatusCode);

        var withoutNote = await commander.Client.PostAsJsonAsync($"/api/v1/subjects/{subject}/orders/{order}/reject", new { note = "" });
        var rejected = await commander.Client.PostAsJsonAsync($"/api/v1/subjects/{subject}/orders/{order}/reject", new { note = "事实不清，证据不足" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("Rejected", await county.ScalarAsync<string>("SELECT status FROM positioning_orders WHERE id = @id", ("id", order)));
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(duty.Client, subject, Today, Today.AddDays(10))).StatusCode);
    }

    [Fact]
    public async Task ASquadLeaderRequestsOnlyForTheirOwnSquad()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var own = await app.SignInAsync(Roles.SquadLeader, 2);
        using var other = await app.SignInAsync(Roles.SquadLeader, 3);
        var subject = await TakeInAsync(duty.Client, "T-ORD-3", 2);

        Assert.Equal(HttpStatusCode.NotFound, (await RequestAsync(other.Client, subject, Today, Today.AddDays(10))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/subjects/{subject}/orders/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(own.Client, subject, Today, Today.AddDays(10))).StatusCode);
    }

    [Fact]
    public async Task OverlongOverlappingAndBackdatedRequestsAreRefusedFieldByField()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var subject = (await county.VisibleDeviceAsync(2)).SubjectId;
        var before = await county.CountAsync("SELECT count(*) FROM positioning_orders WHERE subject_id = @s", ("s", subject));

        var overlapping = await ErrorsAsync(await RequestAsync(duty.Client, subject, Today, Today.AddDays(10)));
        var overlong = await ErrorsAsync(await RequestAsync(duty.Client, subject, Today.AddMonths(4), Today.AddMonths(7)));
        var backdated = await ErrorsAsync(await RequestAsync(duty.Client, subject, Today.AddDays(-3), Today.AddDays(10)));
        var noGround = await duty.Client.PostAsJsonAsync($"/api/v1/subjects/{subject}/orders/", new { reason = "Curiosity", startDate = SubjectApi.Day(Today), endDate = SubjectApi.Day(Today) });

        Assert.True(overlapping.TryGetProperty("startDate", out _));
        Assert.True(overlong.TryGetProperty("endDate", out _));
        Assert.True(backdated.TryGetProperty("startDate", out _));
        Assert.True((await ErrorsAsync(noGround)).TryGetProperty("reason", out _));
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM positioning_orders WHERE subject_id = @s", ("s", subject)));
    }

    [Fact]
    public async Task AnExtensionNeedsAReassessmentAndRunsOnFromTheDayAfterTheOrderEnds()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var subject = (await county.VisibleDeviceAsync(3)).SubjectId;
        var running = (await OrdersAsync(duty.Client, subject)).Single(o => o.InForceToday);
        var end = PositioningRules.LatestEnd(running.EndDate.AddDays(1));

        var withoutReassessment = await duty.Client.PostAsJsonAsync($"/api/v1/subjects/{subject}/orders/{running.Id}/extend", new { endDate = SubjectApi.Day(end) });
        var extended = await duty.Client.PostAsJsonAsync($"/api/v1/subjects/{subject}/orders/{running.Id}/extend", new { endDate = SubjectApi.Day(end), reassessment = "复查评估：仍有脱管风险，需继续定位" });

        Assert.True((await ErrorsAsync(withoutReassessment)).TryGetProperty("reassessment", out _));
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var extensionId = await IdAsync(extended);
        var extension = (await OrdersAsync(duty.Client, subject)).Single(o => o.Id == extensionId);
        Assert.Equal(PositioningOrderStatus.Requested, extension.Status);
        Assert.Equal(running.EndDate.AddDays(1), extension.StartDate);
        Assert.Equal(running.Id, extension.ExtendsOrderId);
        Assert.Equal(running.Reason, extension.Reason);
    }

    [Fact]
    public async Task AnOrderLiftedEarlyHidesTheLocationFromTodayButKeepsTheDaysItCovered()
    {
        var device = await county.VisibleDeviceAsync(4);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @id", ("id", device.SubjectId));
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var running = (await OrdersAsync(duty.Client, device.SubjectId)).Single(o => o.InForceToday);

        var withoutReason = await leader.Client.PostAsJsonAsync($"/api/v1/subjects/{device.SubjectId}/orders/{running.Id}/end", new { reason = " " });
        var ended = await leader.Client.PostAsJsonAsync($"/api/v1/subjects/{device.SubjectId}/orders/{running.Id}/end", new { reason = "已按规定报到，风险消除" });

        Assert.True((await ErrorsAsync(withoutReason)).TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.DoesNotContain(device.SubjectId, await MapSubjectsAsync(duty.Client));
        Assert.Equal(HttpStatusCode.Forbidden, (await TrackAsync(duty.Client, device.SubjectId, Today)).StatusCode);
        if (running.StartDate < Today)
        {
            Assert.Equal(HttpStatusCode.OK, (await TrackAsync(duty.Client, device.SubjectId, Today.AddDays(-1))).StatusCode);
        }
    }

    [Fact]
    public async Task ATrackIsRefusedOnADayNoOrderCoveredAndNothingIsAudited()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var device = await county.VisibleDeviceAsync(0);
        var first = await county.ScalarAsync<string>(
            "SELECT to_char(min(start_date), 'YYYY-MM-DD') FROM positioning_orders WHERE subject_id = @s AND status = 'Approved'", ("s", device.SubjectId));
        var before = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1);

        var refused = await TrackAsync(duty.Client, device.SubjectId, before);
        var future = await TrackAsync(duty.Client, device.SubjectId, Today.AddDays(1));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("No positioning order was in force", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'track-viewed' AND target = @t", ("t", $"subject:{device.SubjectCode}")));
    }

    [Fact]
    public async Task ATrackOfADayAnOrderCoveredComesInTimeOrderAndItsShowingIsAudited()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var device = await county.VisibleDeviceAsync(1);
        // Both within the county's today, also in the first minutes after its midnight.
        await county.PlaceAsync(device.SubjectId, (SubjectApi.SinceMidnight / 3, 0.001, 0), (SubjectApi.SinceMidnight * 2 / 3, 0.002, 0.001));

        var response = await TrackAsync(duty.Client, device.SubjectId, Today);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var track = (await response.Content.ReadFromJsonAsync<TrackResult>(SubjectApi.Json))!;
        Assert.True(track.Points.Count >= 3);
        Assert.Equal(track.Points.OrderBy(p => p.Time).Select(p => p.Time), track.Points.Select(p => p.Time));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'track-viewed' AND target = @t", ("t", $"subject:{device.SubjectCode}")));
    }

    [Fact]
    public async Task ASubjectsFencesAreThoseThatApplyToThem()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var (fence, device, _, _) = await county.VictimHomeZoneAsync();
        var stranger = await county.ScalarAsync<int>("SELECT id FROM subjects WHERE id <> @s ORDER BY id DESC LIMIT 1", ("s", device.SubjectId));

        var own = await FenceIdsAsync(duty.Client, device.SubjectId);
        var theirs = await FenceIdsAsync(duty.Client, stranger);

        Assert.Contains(fence, own);
        Assert.DoesNotContain(fence, theirs);
        Assert.Contains(await county.ScalarAsync<int>("SELECT id FROM geofences WHERE scope = 'AllSubjects' LIMIT 1"), theirs);
    }

    private static async Task<List<int>> FenceIdsAsync(HttpClient client, int subject) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/{subject}/fences")).GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("id").GetInt32())];

    private static async Task<int> TakeInAsync(HttpClient client, string code, int squad)
    {
        var created = await client.PostAsJsonAsync("/api/v1/subjects/", SubjectApi.NewSubject(code, squad));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await IdAsync(created);
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, int subject, DateOnly start, DateOnly end) =>
        client.PostAsJsonAsync($"/api/v1/subjects/{subject}/orders/", new
        {
            reason = "LeftCountyWithoutApproval", startDate = SubjectApi.Day(start), endDate = SubjectApi.Day(end), note = "未经批准前往临沂市区",
        });

    private static async Task<(string Serial, string Key)> EnrolAsync(HttpClient client, int subject)
    {
        var serial = $"TC-{Guid.NewGuid():N}"[..20];
        var response = await client.PostAsJsonAsync("/api/v1/devices/", new { serial, kind = "TraccarClient", subjectId = subject });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (serial, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);
    }

    private async Task<HttpResponseMessage> SendFixAsync(string serial, string key, int secondsAgo)
    {
        var at = TimeProvider.System.GetUtcNow().AddSeconds(-secondsAgo).ToUnixTimeMilliseconds();
        using var device = new HttpClient { BaseAddress = app.BaseAddress };
        return await device.GetAsync($"/osmand?id={serial}&key={Uri.EscapeDataString(key)}&lat={Fixes.InsideLatitude}&lon={Fixes.InsideLongitude}&timestamp={at}");
    }

    private static Task<HttpResponseMessage> TrackAsync(HttpClient client, int subject, DateOnly day) =>
        client.GetAsync($"/api/v1/subjects/{subject}/track?day={SubjectApi.Day(day)}");

    private static async Task<List<OrderView>> OrdersAsync(HttpClient client, int subject) =>
        (await client.GetFromJsonAsync<List<OrderView>>($"/api/v1/subjects/{subject}/orders/", SubjectApi.Json))!;

    private static async Task<HashSet<int>> MapSubjectsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/map/positions")).EnumerateArray().Select(p => p.GetProperty("subjectId").GetInt32())];

    private static async Task<int> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
