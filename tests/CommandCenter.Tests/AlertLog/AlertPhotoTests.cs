using CommandCenter.Kit;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommandCenter.AlertLog;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Photos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommandCenter.Tests.AlertLog;

/// <summary>
/// Photos from the scene through the API (multipart, as a phone sends them): stored with their hash beside the
/// step they came with, audited, served back; refused when too large, not a JPEG, or for another squad's alert.
/// </summary>
public class AlertPhotoTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private static int fences = 700_000;

    /// <summary>A dispatched alert of the n-th visible subject, with its squad: ready for the squad on scene.</summary>
    private async Task<(long Id, int SquadId)> DispatchedAsync(int index)
    {
        var device = await county.VisibleDeviceAsync(index);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", device.SubjectId));
        var id = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, fence_id, severity, state, squad_id, dispatched_squad_id, raised_at, condition_cleared)
            VALUES (@s, 'ZoneExit', @fence, 'Critical', 'Dispatched', @squad, @squad, now(), false) RETURNING id
            """, ("s", device.SubjectId), ("fence", Interlocked.Increment(ref fences)), ("squad", squad));
        await county.ScalarAsync<int>("INSERT INTO alert_events (alert_id, kind, at, actor) VALUES (@id, 'Raised', now(), 'system') RETURNING 1", ("id", id));
        return (id, squad);
    }

    private static MultipartFormDataContent Form(byte[]? photo, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        if (photo is not null)
        {
            // The content type is the browser's word for it; the bytes are what the product believes.
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, PhotoForm.PhotoField, "scene.jpg");
        }

        return form;
    }

    private Task<long> PhotosOfAsync(long alertId) => county.CountAsync("SELECT count(*) FROM alert_photos WHERE alert_id = @id", ("id", alertId));

    private static async Task<string?> DetailOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    [Fact]
    public async Task APhotoSentOnSceneIsStoredWithItsHashBesideTheStepAuditedAndServedBack()
    {
        var (id, squad) = await DispatchedAsync(50);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);

        var response = await leader.Client.PostAsync($"/api/v1/alerts/{id}/on-scene", Form(ScenePhotos.Jpeg, ("note", "到达现场，对象在家")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hash = Convert.ToHexStringLower(SHA256.HashData(ScenePhotos.Jpeg));
        Assert.Equal(1, await county.CountAsync("""
            SELECT count(*) FROM alert_photos p JOIN alert_events e ON e.id = p.alert_event_id
            WHERE p.alert_id = @id AND e.kind = 'OnScene' AND e.note = '到达现场，对象在家' AND p.sha256 = @hash AND p.taken_by = e.actor AND length(p.content) = @length
            """, ("id", id), ("hash", hash), ("length", ScenePhotos.Jpeg.Length)));
        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE action = 'alert-action' AND target = @t AND detail LIKE '%' || @hash || '%'", ("t", $"alert:{id}"), ("hash", hash)));

        var details = await leader.Client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
        var onScene = details.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "OnScene");
        var photoId = onScene.GetProperty("photoIds").EnumerateArray().Single().GetInt64();
        var served = await leader.Client.GetAsync($"/api/v1/alerts/{id}/photos/{photoId}");
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ScenePhotos.Jpeg, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ResolveTakesItsDispositionAndAPhotoFromTheSameForm()
    {
        var (id, squad) = await DispatchedAsync(51);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        await leader.Client.PostAsync($"/api/v1/alerts/{id}/on-scene", Form(null));

        var response = await leader.Client.PostAsync($"/api/v1/alerts/{id}/resolve", Form(ScenePhotos.Jpeg, ("disposition", "Admonition"), ("note", "当场训诫")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await county.CountAsync("""
            SELECT count(*) FROM alert_photos p JOIN alert_events e ON e.id = p.alert_event_id JOIN alerts a ON a.id = p.alert_id
            WHERE p.alert_id = @id AND e.kind = 'Resolved' AND a.disposition = 'Admonition'
            """, ("id", id)));
    }

    [Fact]
    public async Task APhotoOverTheBoundIsA413SayingTheBoundAndNothingIsStored()
    {
        var (id, squad) = await DispatchedAsync(52);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        var maxBytes = app.Services.GetRequiredService<IOptions<AlertPhotoOptions>>().Value.MaxBytes;

        var response = await leader.Client.PostAsync($"/api/v1/alerts/{id}/on-scene", Form(ScenePhotos.JpegOf(maxBytes + 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"at most {maxBytes} bytes", await DetailOfAsync(response));
        Assert.Equal(0, await PhotosOfAsync(id));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alerts WHERE id = @id AND state = 'Dispatched'", ("id", id)));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM alert_events WHERE alert_id = @id AND kind = 'OnScene'", ("id", id)));
    }

    [Fact]
    public async Task AFileThatIsNotAJpegIsA400EvenWhenItCallsItselfOne()
    {
        var (id, squad) = await DispatchedAsync(53);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);

        var response = await leader.Client.PostAsync($"/api/v1/alerts/{id}/on-scene", Form(ScenePhotos.Png));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a JPEG", await DetailOfAsync(response));
        Assert.Equal(0, await PhotosOfAsync(id));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alerts WHERE id = @id AND state = 'Dispatched'", ("id", id)));
    }

    [Fact]
    public async Task ASquadLeaderCanNeitherAttachNorSeeAPhotoOfAnotherSquadsAlert()
    {
        var (ours, squad) = await DispatchedAsync(54);
        var theirs = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, dispatched_squad_id, raised_at, condition_cleared)
            SELECT id, 'Offline', 'Major', 'Dispatched', squad_id, squad_id, now(), false FROM subjects WHERE squad_id <> @squad ORDER BY id LIMIT 1 RETURNING id
            """, ("squad", squad));
        using var theirLeader = await app.SignInAsync(Roles.SquadLeader, await county.ScalarAsync<int>("SELECT squad_id FROM alerts WHERE id = @id", ("id", theirs)));
        Assert.Equal(HttpStatusCode.OK, (await theirLeader.Client.PostAsync($"/api/v1/alerts/{theirs}/on-scene", Form(ScenePhotos.Jpeg))).StatusCode);
        var theirPhoto = await county.ScalarAsync<long>("SELECT id FROM alert_photos WHERE alert_id = @id", ("id", theirs));
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);

        var attach = await leader.Client.PostAsync($"/api/v1/alerts/{theirs}/resolve", Form(ScenePhotos.Jpeg, ("disposition", "NoViolation")));

        Assert.Equal(HttpStatusCode.NotFound, attach.StatusCode);
        Assert.Equal(1, await PhotosOfAsync(theirs));
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Client.GetAsync($"/api/v1/alerts/{theirs}/photos/{theirPhoto}")).StatusCode);
        // Their photo's id under our alert is no way around it either.
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Client.GetAsync($"/api/v1/alerts/{ours}/photos/{theirPhoto}")).StatusCode);
    }

    [Fact]
    public async Task APhotoWithAStepThatTakesNoneOrInAFieldOfAnotherNameIsRefused()
    {
        var (id, squad) = await DispatchedAsync(55);
        using var leader = await app.SignInAsync(Roles.SquadLeader, squad);
        var elsewhere = new MultipartFormDataContent { { new ByteArrayContent(ScenePhotos.Jpeg), "picture", "scene.jpg" } };

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await leader.Client.PostAsync($"/api/v1/alerts/{id}/acknowledge", Form(ScenePhotos.Jpeg))).StatusCode);
        var misnamed = await leader.Client.PostAsync($"/api/v1/alerts/{id}/on-scene", elsewhere);
        Assert.Equal(HttpStatusCode.BadRequest, misnamed.StatusCode);
        Assert.Contains("picture", await DetailOfAsync(misnamed));
        var unknownField = await leader.Client.PostAsync($"/api/v1/alerts/{id}/on-scene", Form(ScenePhotos.Jpeg, ("notes", "typo")));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(0, await PhotosOfAsync(id));
    }
}
