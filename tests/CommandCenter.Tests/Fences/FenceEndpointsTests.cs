using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Fences;
using CommandCenter.Geo.Fences;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Fences;

public class FenceEndpointsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    /// <summary>A small square (about 110 m a side) centred on a place, as a GeoJSON Polygon.</summary>
    internal static object Square(double latitude, double longitude, double half = 0.0005) => new
    {
        type = "Polygon",
        coordinates = new[]
        {
            new[]
            {
                new[] { longitude - half, latitude - half }, new[] { longitude + half, latitude - half },
                new[] { longitude + half, latitude + half }, new[] { longitude - half, latitude + half },
                new[] { longitude - half, latitude - half },
            },
        },
    };

    private static object Fence(string name, object area, string kind = "Exclusion", object? schedule = null) => new
    {
        name,
        kind,
        area,
        bufferMeters = 0,
        scope = "AllSubjects",
        schedule,
    };

    private static async Task<int> IdOf(HttpResponseMessage created) =>
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

    [Fact]
    public async Task AFenceIsCreatedReadChangedDeactivatedAndDeletedAndEveryWriteIsAudited()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var curfew = new { from = "2026-01-01", to = "2026-12-31", windows = new[] { new { days = new[] { "Friday", "Saturday" }, start = "22:00", end = "06:00" } } };

        var created = await duty.Client.PostAsJsonAsync("/api/v1/fences/", Fence("测试网吧", Square(35.46, 117.62), schedule: curfew));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await IdOf(created);

        var read = (await duty.Client.GetFromJsonAsync<JsonElement>($"/api/v1/fences/{id}"))!;
        Assert.Equal("测试网吧", read.GetProperty("name").GetString());
        Assert.Equal("Exclusion", read.GetProperty("kind").GetString());
        Assert.Equal("Polygon", read.GetProperty("area").GetProperty("type").GetString());
        var window = read.GetProperty("schedule").GetProperty("windows")[0];
        Assert.Equal(("22:00", "06:00"), (window.GetProperty("start").GetString(), window.GetProperty("end").GetString()));
        Assert.Equal("2026-12-31", read.GetProperty("schedule").GetProperty("to").GetString());
        var squad = await county.ScalarAsync<int>("SELECT min(id) FROM squads");

        var changed = await duty.Client.PutAsJsonAsync($"/api/v1/fences/{id}",
            new { name = "测试网吧（扩大）", kind = "Exclusion", area = Square(35.46, 117.62, 0.001), bufferMeters = 30, scope = "Squad", scopeSquadId = squad });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("测试网吧（扩大）", await county.ScalarAsync<string>("SELECT name FROM geofences WHERE id = @id", ("id", id)));
        Assert.Equal(30.0, await county.ScalarAsync<double>("SELECT buffer_meters FROM geofences WHERE id = @id", ("id", id)));

        var stale = await duty.Client.PutAsJsonAsync($"/api/v1/fences/{id}",
            new { name = "过时的修改", kind = "Exclusion", area = Square(35.46, 117.62), expectedUpdatedAt = read.GetProperty("updatedAt").GetDateTimeOffset() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("read it again", await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await duty.Client.PostAsync($"/api/v1/fences/{id}/deactivate", null)).StatusCode);
        Assert.False(await county.ScalarAsync<bool>("SELECT active FROM geofences WHERE id = @id", ("id", id)));
        Assert.False(Catalog.Current.TryGet(id, out _));

        Assert.Equal(HttpStatusCode.NoContent, (await duty.Client.DeleteAsync($"/api/v1/fences/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await duty.Client.GetAsync($"/api/v1/fences/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await duty.Client.DeleteAsync($"/api/v1/fences/{id}")).StatusCode);
        Assert.Equal(4, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'record-changed' AND target = @t", ("t", $"fence:{id}")));
    }

    [Fact]
    public async Task BadInputIsA400ThatNamesEachProblemAndStoresNothing()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM geofences");
        var bowTie = new
        {
            type = "Polygon",
            coordinates = new[] { new[] { new[] { 117.60, 35.40 }, new[] { 117.62, 35.42 }, new[] { 117.62, 35.40 }, new[] { 117.60, 35.42 }, new[] { 117.60, 35.40 } } },
        };

        var response = await duty.Client.PostAsJsonAsync("/api/v1/fences/", new
        {
            name = "",
            kind = "Exclusion",
            area = bowTie,
            bufferMeters = -5,
            scope = "ListedSubjects",
            schedule = new { from = "2026-13-01", windows = new[] { new { days = new[] { "Monday" }, start = "25:00", end = "06:00" } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "area", "bufferMeters", "scopeSubjectIds", "schedule.from", "schedule.windows[0].start" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Contains("ring 0", errors.GetProperty("area")[0].GetString());
        var wrongType = await duty.Client.PostAsync("/api/v1/fences/", new StringContent("""{"name":"x","kind":"Sideways"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("kind", await wrongType.Content.ReadAsStringAsync());
        var nobody = await duty.Client.PostAsJsonAsync("/api/v1/fences/",
            new { name = "无人", kind = "Exclusion", area = Square(35.46, 117.62), scope = "ListedSubjects", scopeSubjectIds = new[] { 987654 } });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("987654", await nobody.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await duty.Client.PutAsJsonAsync("/api/v1/fences/987654", Fence("无", Square(35.46, 117.62)))).StatusCode);
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM geofences"));
    }

    [Fact]
    public async Task AFenceThatAnAlertNamesCannotBeDeletedOnlyDeactivated()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var (fenceId, device, latitude, longitude) = await county.VictimHomeZoneAsync();
        using var devices = new HttpClient { BaseAddress = app.BaseAddress };
        await devices.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(Fixes.Item(device, DateTimeOffset.UtcNow.AddSeconds(-5), latitude, longitude)));

        var refused = await duty.Client.DeleteAsync($"/api/v1/fences/{fenceId}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("deactivate", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM geofences WHERE id = @id", ("id", fenceId)));
    }

    [Fact]
    public async Task AnImportWithOneRefusedFeatureSaysWhereAndStoresNothing()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM geofences");
        var imports = await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = 'fences'");
        const string file = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"好的"},"geometry":{"type":"Polygon","coordinates":[[[117.60,35.40],[117.61,35.40],[117.61,35.41],[117.60,35.41],[117.60,35.40]]]}},
              {"type":"Feature","properties":{"name":"坏的"},"geometry":{"type":"Polygon","coordinates":[[[117.60,35.40],[117.61,35.40],[217.61,35.41],[117.60,35.41],[117.60,35.40]]]}}
            ]}
            """;

        var response = await duty.Client.PostAsync("/api/v1/fences/import", new StringContent(file, Encoding.UTF8, "application/geo+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("feature 1, polygon 0, ring 0, vertex 2", StringComparison.Ordinal));
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM geofences"));
        Assert.Equal(imports, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = 'fences'"));
    }

    [Fact]
    public async Task AnExportImportedAgainUpdatesTheSameFencesAndAddsNone()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var created = await duty.Client.PostAsJsonAsync("/api/v1/fences/", Fence("往返测试", Square(35.48, 117.66),
            schedule: new { from = (string?)null, to = (string?)null, windows = new[] { new { days = new[] { "Sunday" }, start = "20:00", end = "02:30" } } }));
        var id = await IdOf(created);
        var active = await county.CountAsync("SELECT count(*) FROM geofences WHERE active");
        const string shape = "SELECT md5(ST_AsBinary(ST_Normalize(area))) FROM geofences WHERE id = @id";
        var drawn = await county.ScalarAsync<string>(shape, ("id", id));
        var imports = await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = 'fences'");

        var exported = await duty.Client.GetAsync("/api/v1/fences/export");
        Assert.Equal("application/geo+json", exported.Content.Headers.ContentType!.MediaType);
        var file = await exported.Content.ReadAsStringAsync();
        var imported = await duty.Client.PostAsync("/api/v1/fences/import", new StringContent(file, Encoding.UTF8, "application/geo+json"));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var answer = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, answer.GetProperty("added").GetInt32());
        Assert.Equal(active, answer.GetProperty("updated").GetInt32());
        Assert.Equal(active, await county.CountAsync("SELECT count(*) FROM geofences WHERE active"));
        var again = (await duty.Client.GetFromJsonAsync<JsonElement>($"/api/v1/fences/{id}"))!;
        Assert.Equal("02:30", again.GetProperty("schedule").GetProperty("windows")[0].GetProperty("end").GetString());
        Assert.Equal(drawn, await county.ScalarAsync<string>(shape, ("id", id)));
        Assert.Equal(imports + 1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE target = 'fences'"));
    }

    [Fact]
    public async Task ASavedExclusionFenceRaisesAZoneEntryWithinASecondWithoutARestart()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var device = await county.VisibleDeviceAsync(7);
        const double latitude = 35.52, longitude = 117.70;

        var created = await duty.Client.PostAsJsonAsync("/api/v1/fences/", new
        {
            name = "新设禁区",
            kind = "Exclusion",
            area = Square(latitude, longitude),
            scope = "ListedSubjects",
            scopeSubjectIds = new[] { device.SubjectId },
        });
        var saved = Stopwatch.StartNew();
        var id = await IdOf(created);
        using var devices = new HttpClient { BaseAddress = app.BaseAddress };
        var now = DateTimeOffset.UtcNow;
        var posted = await devices.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, now.AddSeconds(-2), latitude, longitude),
            Fixes.Item(device, now.AddSeconds(-1), latitude + 0.0001, longitude)));
        var raised = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertsRaised").GetInt32();
        saved.Stop();

        Assert.Contains(Catalog.Current.Covering(longitude, latitude, new FenceSubject(device.SubjectId, 0, 0), DateTimeOffset.UtcNow), f => f.Id == id);
        Assert.True(raised >= 1);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alerts WHERE subject_id = @s AND rule = 'ZoneEntry' AND fence_id = @f",
            ("s", device.SubjectId), ("f", id)));
        Assert.True(saved.Elapsed < TimeSpan.FromSeconds(1), $"the alert came {saved.Elapsed.TotalMilliseconds:0} ms after the save");
    }

    [Fact]
    public async Task TheFencesApiIsDescribedInOpenApi()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        var paths = (await duty.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[] { "/api/v1/fences", "/api/v1/fences/{id}", "/api/v1/fences/{id}/deactivate", "/api/v1/fences/import", "/api/v1/fences/export" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not described");
        }
    }

    private FenceCatalog Catalog => app.Services.GetRequiredService<FenceCatalog>();
}
