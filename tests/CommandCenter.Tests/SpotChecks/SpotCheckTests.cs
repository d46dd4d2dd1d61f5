using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Phone;
using CommandCenter.TestSupport.Photos;

namespace CommandCenter.Tests.SpotChecks;

/// <summary>
/// Spot checks end to end on real PostGIS, the subject's side played by the reference phone client: sent on demand,
/// answered with a photo and a fix, judged by the officer; and the ways around it that must not work.
/// </summary>
public class SpotCheckTests(SpotCheckApp app) : IClassFixture<SpotCheckApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    /// <summary>A subject of the squad (any when null) with a home, a phone enrolled through the devices API, and its client.</summary>
    private async Task<(int SubjectId, double Lon, double Lat, PhoneClient Phone, int DeviceId, uint Version)> PersonWithPhoneAsync(int index, int? squad = null)
    {
        var subject = await county.ScalarAsync<int>("""
            SELECT id FROM subjects WHERE status = 'InCorrection' AND home IS NOT NULL AND (@squad < 0 OR squad_id = @squad) ORDER BY id OFFSET @i LIMIT 1
            """, ("squad", squad ?? -1), ("i", index));
        var lon = await county.ScalarAsync<double>("SELECT ST_X(home) FROM subjects WHERE id = @s", ("s", subject));
        var lat = await county.ScalarAsync<double>("SELECT ST_Y(home) FROM subjects WHERE id = @s", ("s", subject));
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var serial = $"PH-{Guid.NewGuid():N}"[..20];
        var response = await duty.Client.PostAsJsonAsync("/api/v1/devices/", new { serial, kind = "Phone", subjectId = subject });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var device = issued.GetProperty("device");
        return (subject, lon, lat, new PhoneClient(app.BaseAddress, serial, issued.GetProperty("key").GetString()!), device.GetProperty("id").GetInt32(), device.GetProperty("version").GetUInt32());
    }

    private static async Task<long> SendAsync(HttpClient officer, int subjectId)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/spot-checks", new { subjectId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single().GetProperty("id").GetInt64();
    }

    private async Task<long> AlertsOfAsync(int subjectId, string detailKey) => await county.CountAsync(
        "SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'SpotCheckFailed' AND detail_key = @key", ("s", subjectId), ("key", detailKey));

    private async Task<long> WaitForAlertAsync(int subjectId, string detailKey)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await AlertsOfAsync(subjectId, detailKey) > 0)
            {
                return 1;
            }

            await Task.Delay(100);
        }

        return 0;
    }

    [Fact]
    public async Task ACheckSentOnDemandIsAnsweredFromHomeStoredWithItsHashAndConfirmedByTheOfficer()
    {
        var (subject, lon, lat, phone, _, _) = await PersonWithPhoneAsync(0);
        using var _phone = phone;
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        var checkId = await SendAsync(duty.Client, subject);
        Assert.Equal([checkId], await phone.SpotChecksToAnswerAsync());

        var answered = await phone.AnswerAsync(checkId, ScenePhotos.Jpeg, lon + 0.001, lat);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var answer = await answered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Home", answer.GetProperty("comparedWith").GetString());
        Assert.InRange(answer.GetProperty("distanceMeters").GetDouble(), 50, 150);
        Assert.Empty(await phone.SpotChecksToAnswerAsync());

        var hash = Convert.ToHexStringLower(SHA256.HashData(ScenePhotos.Jpeg));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM spot_check_photos WHERE spot_check_id = @id AND sha256 = @h", ("id", checkId), ("h", hash)));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = @t AND detail LIKE '%' || @h || '%'", ("t", $"spot-check:{checkId}"), ("h", hash)));
        Assert.Equal(ScenePhotos.Jpeg, await duty.Client.GetByteArrayAsync($"/api/v1/spot-checks/{checkId}/photo"));

        var verdict = await duty.Client.PostAsJsonAsync($"/api/v1/spot-checks/{checkId}/verdict", new { confirmed = true });
        Assert.Equal(HttpStatusCode.OK, verdict.StatusCode);
        var listed = (await duty.Client.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/{subject}/spot-checks")).EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == checkId);
        Assert.True(listed.GetProperty("confirmed").GetBoolean());
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = @t AND detail LIKE 'photo confirmed%'", ("t", $"spot-check:{checkId}")));
        Assert.Equal(0, await AlertsOfAsync(subject, "AlertDetail.SpotCheckOutOfPlace") + await AlertsOfAsync(subject, "AlertDetail.SpotCheckUnanswered"));
    }

    [Fact]
    public async Task AnAnswerFromFarFromHomeRaisesSpotCheckFailedAtOnce()
    {
        var (subject, lon, lat, phone, _, _) = await PersonWithPhoneAsync(1);
        using var _phone = phone;
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var checkId = await SendAsync(duty.Client, subject);

        var answered = await phone.AnswerAsync(checkId, ScenePhotos.Jpeg, lon + 0.05, lat);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(1, await WaitForAlertAsync(subject, "AlertDetail.SpotCheckOutOfPlace"));
    }

    [Fact]
    public async Task ACheckLeftUnansweredPastItsDeadlineRaisesSpotCheckFailed()
    {
        var (subject, _, _, phone, _, _) = await PersonWithPhoneAsync(2);
        using var _phone = phone;
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var checkId = await SendAsync(duty.Client, subject);

        // Ten minutes pass in the database; the next check sent makes the rules read the person's checks again.
        await county.ExecuteAsync($"UPDATE spot_checks SET sent_at = now() - interval '11 minutes', deadline = now() - interval '1 minute' WHERE id = {checkId}");
        await SendAsync(duty.Client, subject);

        Assert.Equal(1, await WaitForAlertAsync(subject, "AlertDetail.SpotCheckUnanswered"));
    }

    [Fact]
    public async Task AnotherPersonsCheckIdIsUnknownToAPhoneAndNothingIsStored()
    {
        var (owner, _, _, ownerPhone, _, _) = await PersonWithPhoneAsync(3);
        var (_, lon, lat, otherPhone, _, _) = await PersonWithPhoneAsync(4);
        using var _a = ownerPhone;
        using var _b = otherPhone;
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var checkId = await SendAsync(duty.Client, owner);

        var answered = await otherPhone.AnswerAsync(checkId, ScenePhotos.Jpeg, lon, lat);

        Assert.Equal(HttpStatusCode.NotFound, answered.StatusCode);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM spot_check_photos WHERE spot_check_id = @id", ("id", checkId)));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM spot_checks WHERE id = @id AND answered_at IS NOT NULL", ("id", checkId)));
    }

    [Fact]
    public async Task ARetiredDevicesKeyAWrongKeyAndNoKeyAreRefused()
    {
        var (subject, _, _, phone, deviceId, version) = await PersonWithPhoneAsync(5);
        using var _phone = phone;
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        Assert.Equal(HttpStatusCode.OK, (await phone.TasksAsync()).StatusCode);

        using var forged = new PhoneClient(app.BaseAddress, phone.Serial, "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.TasksAsync()).StatusCode);
        using var bare = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.GetAsync("/api/v1/phone/tasks")).StatusCode);

        var checkId = await SendAsync(duty.Client, subject);
        Assert.Equal(HttpStatusCode.OK, (await duty.Client.PostAsJsonAsync($"/api/v1/devices/{deviceId}/retire", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.TasksAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.AnswerAsync(checkId, ScenePhotos.Jpeg, 117.6, 35.5)).StatusCode);
    }

    [Fact]
    public async Task APhotoThatIsNotAJpegOrTooLargeIsRefusedAndTheCheckStaysOpen()
    {
        var (subject, lon, lat, phone, _, _) = await PersonWithPhoneAsync(6);
        using var _phone = phone;
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var checkId = await SendAsync(duty.Client, subject);

        Assert.Equal(HttpStatusCode.BadRequest, (await phone.AnswerAsync(checkId, ScenePhotos.Png, lon, lat)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await phone.AnswerAsync(checkId, ScenePhotos.JpegOf(5 * 1024 * 1024 + 1), lon, lat)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.AnswerAsync(checkId, ScenePhotos.Jpeg, 200, lat)).StatusCode);

        Assert.Equal([checkId], await phone.SpotChecksToAnswerAsync());
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM spot_check_photos WHERE spot_check_id = @id", ("id", checkId)));
    }

    [Fact]
    public async Task ASquadLeaderCanNeitherSendNorSeeNorJudgeAnotherSquadsChecks()
    {
        var squads = await county.ScalarAsync<int[]>("SELECT array_agg(DISTINCT squad_id ORDER BY squad_id) FROM subjects WHERE status = 'InCorrection' AND home IS NOT NULL");
        var (subject, lon, lat, phone, _, _) = await PersonWithPhoneAsync(0, squads[0]);
        using var _phone = phone;
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var checkId = await SendAsync(duty.Client, subject);
        Assert.Equal(HttpStatusCode.OK, (await phone.AnswerAsync(checkId, ScenePhotos.Jpeg, lon, lat)).StatusCode);

        using var other = await app.SignInAsync(Roles.SquadLeader, squads[^1]);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync("/api/v1/spot-checks", new { subjectId = subject })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync("/api/v1/spot-checks", new { squadId = squads[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/subjects/{subject}/spot-checks")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/spot-checks/{checkId}/photo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/v1/spot-checks/{checkId}/verdict", new { confirmed = false })).StatusCode);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM spot_checks WHERE id = @id AND confirmed IS NOT NULL", ("id", checkId)));

        using var own = await app.SignInAsync(Roles.SquadLeader, squads[0]);
        Assert.Equal(HttpStatusCode.OK, (await own.Client.PostAsJsonAsync($"/api/v1/spot-checks/{checkId}/verdict", new { confirmed = false })).StatusCode);
    }

    [Fact]
    public async Task TheFaceServiceIsSentBothPhotosAndItsOpinionPrefillsTheCheck()
    {
        var (subject, lon, lat, phone, _, _) = await PersonWithPhoneAsync(7);
        using var _phone = phone;
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(ScenePhotos.Jpeg), "photo", "registered.jpg" } };
        Assert.Equal(HttpStatusCode.OK, (await duty.Client.PutAsync($"/api/v1/subjects/{subject}/registered-photo", form)).StatusCode);
        var checkId = await SendAsync(duty.Client, subject);

        Assert.Equal(HttpStatusCode.OK, (await phone.AnswerAsync(checkId, ScenePhotos.Jpeg, lon, lat)).StatusCode);

        var asked = await app.FaceService.WaitForAsync(r => r.PathAndQuery == "/compare");
        var body = JsonDocument.Parse(asked.Body).RootElement;
        Assert.Equal(ScenePhotos.Jpeg, body.GetProperty("registered").GetBytesFromBase64());
        Assert.Equal(ScenePhotos.Jpeg, body.GetProperty("candidate").GetBytesFromBase64());
        var listed = (await duty.Client.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/{subject}/spot-checks")).EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == checkId);
        Assert.True(listed.GetProperty("faceServiceSame").GetBoolean());
        Assert.Equal(0.91, listed.GetProperty("faceServiceScore").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("confirmed").ValueKind);
    }

    [Fact]
    public async Task APhoneThatAsksTooOftenIsTold429WithRetryAfter()
    {
        var (_, _, _, phone, _, _) = await PersonWithPhoneAsync(8);
        using var _phone = phone;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SpotCheckApp.PhoneRequestsPerMinute; i++)
        {
            statuses.Add((await phone.ScheduleAsync()).StatusCode);
        }

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.OK, s));
        var refused = await phone.TasksAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
    }
}
