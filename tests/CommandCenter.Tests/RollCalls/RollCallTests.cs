using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Phone;

namespace CommandCenter.Tests.RollCalls;

/// <summary>
/// Roll calls before a camera on real PostGIS: called from the desk, seen by the person's phone, marked by the officer,
/// an absence raising RollCallMissed; and the ways around it that must not work.
/// </summary>
public class RollCallTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<int[]> PeopleAsync(int count, int? squad = null, int offset = 0) => await county.ScalarAsync<int[]>("""
        SELECT array_agg(id) FROM (SELECT id FROM subjects WHERE status = 'InCorrection' AND home IS NOT NULL AND (@squad < 0 OR squad_id = @squad)
                                   ORDER BY id OFFSET @offset LIMIT @n) p
        """, ("squad", squad ?? -1), ("offset", offset), ("n", count));

    private async Task<PhoneClient> PhoneOfAsync(HttpClient officer, int subjectId)
    {
        var serial = $"PH-{Guid.NewGuid():N}"[..20];
        var response = await officer.PostAsJsonAsync("/api/v1/devices/", new { serial, kind = "Phone", subjectId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new PhoneClient(app.BaseAddress, serial, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);
    }

    /// <summary>A camera placed a few metres from the person's home, so that it must be the nearest.</summary>
    private async Task<int> CameraAtHomeOfAsync(HttpClient records, int subjectId)
    {
        var lon = await county.ScalarAsync<double>("SELECT ST_X(home) FROM subjects WHERE id = @s", ("s", subjectId));
        var lat = await county.ScalarAsync<double>("SELECT ST_Y(home) FROM subjects WHERE id = @s", ("s", subjectId));
        var code = $"RC{Guid.NewGuid():N}"[..12];
        var response = await records.PostAsJsonAsync("/api/v1/cameras/", new { code, name = $"点名点 {code}", latitude = lat + 0.0001, longitude = lon });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> CallAsync(HttpClient officer, int cameraId, params int[] subjectIds)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/roll-calls/", new { cameraId, subjectIds });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> MarkAsync(HttpClient officer, long rollCallId, int subjectId, string mark, string? note = null) =>
        officer.PostAsJsonAsync($"/api/v1/roll-calls/{rollCallId}/attendees/{subjectId}/mark", new { mark, note });

    private async Task<long> WaitForAbsenceAlertAsync(int subjectId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var count = await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'RollCallMissed' AND detail_key = 'AlertDetail.RollCallAbsent'", ("s", subjectId));
            if (count > 0)
            {
                return count;
            }

            await Task.Delay(100);
        }

        return 0;
    }

    [Fact]
    public async Task TwoPeopleCalledToTheSuggestedCameraSeeItOnTheirPhonesAndTheAbsentOneRaisesRollCallMissed()
    {
        var people = await PeopleAsync(2);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var cameraId = await CameraAtHomeOfAsync(duty.Client, people[0]);
        using var firstPhone = await PhoneOfAsync(duty.Client, people[0]);
        using var secondPhone = await PhoneOfAsync(duty.Client, people[1]);

        var suggested = await duty.Client.GetFromJsonAsync<JsonElement>($"/api/v1/roll-calls/suggested-cameras?subjectId={people[0]}");
        Assert.Equal(cameraId, suggested[0].GetProperty("id").GetInt32());
        Assert.InRange(suggested[0].GetProperty("distanceMeters").GetDouble(), 0, 20);

        var call = await CallAsync(duty.Client, cameraId, people);
        var callId = call.GetProperty("id").GetInt64();
        Assert.Equal(2, call.GetProperty("attendees").GetArrayLength());
        var deadline = call.GetProperty("deadline").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromMinutes(30), deadline - call.GetProperty("calledAt").GetDateTimeOffset());

        var task = Assert.Single(await firstPhone.RollCallsToAttendAsync());
        Assert.Equal(callId, task.GetProperty("id").GetInt64());
        Assert.StartsWith("点名点", task.GetProperty("cameraName").GetString());
        Assert.Equal(deadline, task.GetProperty("deadline").GetDateTimeOffset());
        // The phone is told where to go and by when, and nothing about anybody else called with them.
        Assert.Equal(["id", "cameraName", "cameraLatitude", "cameraLongitude", "deadline"], task.EnumerateObject().Select(p => p.Name));

        Assert.Equal(callId, Assert.Single(await secondPhone.RollCallsToAttendAsync()).GetProperty("id").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await MarkAsync(duty.Client, callId, people[0], "Present")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MarkAsync(duty.Client, callId, people[1], "Absent", "未见本人")).StatusCode);

        Assert.Equal(1, await WaitForAbsenceAlertAsync(people[1]));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'RollCallMissed'", ("s", people[0])));
        Assert.Equal("Major", await county.ScalarAsync<string>("SELECT severity FROM alerts WHERE subject_id = @s AND rule = 'RollCallMissed'", ("s", people[1])));
        Assert.Empty(await firstPhone.RollCallsToAttendAsync());
        Assert.Empty(await secondPhone.RollCallsToAttendAsync());

        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = @t AND detail LIKE 'called subjects%'", ("t", $"roll-call:{callId}")));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = @t AND detail = @d",
            ("t", $"subject:{people[1]}"), ("d", $"roll call {callId}: marked Absent (未见本人)")));
        var shown = await duty.Client.GetFromJsonAsync<JsonElement>($"/api/v1/roll-calls/{callId}");
        Assert.Equal(["Absent", "Present"], shown.GetProperty("attendees").EnumerateArray().OrderBy(a => a.GetProperty("subjectId").GetInt32() == people[0])
            .Select(a => a.GetProperty("mark").GetString()));
    }

    [Fact]
    public async Task AMarkIsFinalAndASecondOneIsRefusedWithoutASecondAlert()
    {
        var people = await PeopleAsync(1, offset: 2);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var cameraId = await CameraAtHomeOfAsync(duty.Client, people[0]);
        var callId = (await CallAsync(duty.Client, cameraId, people)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await MarkAsync(duty.Client, callId, people[0], "Absent")).StatusCode);
        Assert.Equal(1, await WaitForAbsenceAlertAsync(people[0]));

        Assert.Equal(HttpStatusCode.Conflict, (await MarkAsync(duty.Client, callId, people[0], "Present")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await MarkAsync(duty.Client, callId, people[0], "Absent")).StatusCode);
        Assert.Equal("Absent", await county.ScalarAsync<string>("SELECT mark FROM roll_call_attendees WHERE roll_call_id = @r", ("r", callId)));
        await Task.Delay(500);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'RollCallMissed'", ("s", people[0])));
    }

    [Fact]
    public async Task ASquadLeaderCannotCallSuggestForSeeOrMarkAnotherSquadsPeople()
    {
        var squads = await county.ScalarAsync<int[]>("SELECT array_agg(DISTINCT squad_id ORDER BY squad_id) FROM subjects WHERE status = 'InCorrection' AND home IS NOT NULL");
        var theirs = await PeopleAsync(1, squads[0], offset: 1);
        var ours = await PeopleAsync(1, squads[^1], offset: 1);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var cameraId = await CameraAtHomeOfAsync(duty.Client, theirs[0]);
        var theirCall = (await CallAsync(duty.Client, cameraId, theirs)).GetProperty("id").GetInt64();
        var before = await county.CountAsync("SELECT count(*) FROM roll_calls");

        using var other = await app.SignInAsync(Roles.SquadLeader, squads[^1]);
        var mixed = await other.Client.PostAsJsonAsync("/api/v1/roll-calls/", new { cameraId, subjectIds = new[] { ours[0], theirs[0] } });
        Assert.Equal(HttpStatusCode.NotFound, mixed.StatusCode);
        Assert.Contains($"{theirs[0]}", (await mixed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM roll_calls"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/roll-calls/suggested-cameras?subjectId={theirs[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/roll-calls/{theirCall}")).StatusCode);
        Assert.DoesNotContain((await other.Client.GetFromJsonAsync<JsonElement>("/api/v1/roll-calls/")).EnumerateArray(), c => c.GetProperty("id").GetInt64() == theirCall);
        Assert.Equal(HttpStatusCode.NotFound, (await MarkAsync(other.Client, theirCall, theirs[0], "Absent")).StatusCode);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM roll_call_attendees WHERE roll_call_id = @r AND mark IS NOT NULL", ("r", theirCall)));

        // Their own people they call and mark as anyone else does.
        var ownCall = (await CallAsync(other.Client, cameraId, ours)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await MarkAsync(other.Client, ownCall, ours[0], "Present")).StatusCode);
    }

    [Fact]
    public async Task BadCallsAndMarksAreRefusedNamingTheFieldAndNothingIsStored()
    {
        var people = await PeopleAsync(2, offset: 4);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var cameraId = await CameraAtHomeOfAsync(duty.Client, people[0]);
        var before = await county.CountAsync("SELECT count(*) FROM roll_calls");

        async Task Refused(object body, string field)
        {
            var response = await duty.Client.PostAsJsonAsync("/api/v1/roll-calls/", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        await Refused(new { subjectIds = people }, "cameraId");
        await Refused(new { cameraId = 999_999, subjectIds = people }, "cameraId");
        await Refused(new { cameraId, subjectIds = Array.Empty<int>() }, "subjectIds");
        await Refused(new { cameraId, subjectIds = Enumerable.Range(1, 21).ToArray() }, "subjectIds");
        await Refused(new { cameraId, subjectIds = people, minutes = 0 }, "minutes");
        await Refused(new { cameraId, subjectIds = people, minutes = 241 }, "minutes");
        Assert.Equal(HttpStatusCode.NotFound, (await duty.Client.PostAsJsonAsync("/api/v1/roll-calls/", new { cameraId, subjectIds = new[] { people[0], 999_999 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await duty.Client.PostAsync("/api/v1/roll-calls/", new StringContent("{\"cameraId\": \"x\"", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await duty.Client.GetAsync("/api/v1/roll-calls/suggested-cameras")).StatusCode);
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM roll_calls"));

        var callId = (await CallAsync(duty.Client, cameraId, people)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.BadRequest, (await MarkAsync(duty.Client, callId, people[0], "Asleep")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await MarkAsync(duty.Client, callId, people[0], "Excused")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await MarkAsync(duty.Client, callId, people[0], "Excused", new string('假', 501))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MarkAsync(duty.Client, callId, 999_999, "Present")).StatusCode);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM roll_call_attendees WHERE roll_call_id = @r AND mark IS NOT NULL", ("r", callId)));

        // Markup in a note is kept as the officer wrote it, as text: the API returns it verbatim and no page renders it as markup.
        const string markup = "<script>alert(1)</script>病假";
        Assert.Equal(HttpStatusCode.OK, (await MarkAsync(duty.Client, callId, people[1], "Excused", markup)).StatusCode);
        var shown = await duty.Client.GetFromJsonAsync<JsonElement>($"/api/v1/roll-calls/{callId}");
        Assert.Contains(shown.GetProperty("attendees").EnumerateArray(), a => a.GetProperty("note").GetString() == markup);
    }

    [Fact]
    public async Task AnotherPersonsPhoneDoesNotSeeTheRollCall()
    {
        var people = await PeopleAsync(2, offset: 6);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var cameraId = await CameraAtHomeOfAsync(duty.Client, people[0]);
        using var stranger = await PhoneOfAsync(duty.Client, people[1]);

        await CallAsync(duty.Client, cameraId, people[0]);

        Assert.Empty(await stranger.RollCallsToAttendAsync());
    }
}
