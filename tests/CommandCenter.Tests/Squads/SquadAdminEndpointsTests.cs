using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Squads;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.Tests.Fences;

namespace CommandCenter.Tests.Squads;

public class SquadAdminEndpointsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    /// <summary>A square area (about 2 km a side by default) centred on a place; far from the demo county unless placed in it.</summary>
    private static object Square(double latitude, double longitude, double half = 0.01) => FenceEndpointsTests.Square(latitude, longitude, half);

    private static object Point(double latitude, double longitude) => new { type = "Point", coordinates = new[] { longitude, latitude } };

    private static object Squad(string code, object area, object? basePoint = null, int? version = null, string name = "测试中队") => new
    {
        code,
        name,
        leaderName = "测试队长",
        dutyPhone = "0539-000-9999",
        @base = basePoint ?? Point(30.0, 110.0),
        area,
        version,
    };

    private async Task<(int Id, int Version)> AddAsync(HttpClient client, string code, double latitude, double longitude, string name = "测试中队")
    {
        var created = await client.PostAsJsonAsync("/api/v1/squads/", Squad(code, Square(latitude, longitude), Point(latitude, longitude), name: name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetInt32(), body.GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    [Fact]
    public async Task ACommanderAddsChangesAndRetiresASquadAndAStaleChangeStoresNothing()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var (id, version) = await AddAsync(commander.Client, "T1", 30.0, 110.0);
        Assert.Equal(1, version);

        var read = await commander.Client.GetFromJsonAsync<JsonElement>($"/api/v1/squads/{id}");
        Assert.Equal("测试中队", read.GetProperty("name").GetString());
        Assert.Equal("MultiPolygon", JsonDocument.Parse(read.GetProperty("area").GetString()!).RootElement.GetProperty("type").GetString());

        var changed = await commander.Client.PutAsJsonAsync($"/api/v1/squads/{id}", Squad("T1", Square(30.0, 110.0, 0.02), version: 1, name: "测试中队（扩大）"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var stale = await commander.Client.PutAsJsonAsync($"/api/v1/squads/{id}", Squad("T1", Square(30.0, 110.0), version: 1, name: "过时的修改"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("测试中队（扩大）", await county.ScalarAsync<string>("SELECT name FROM squads WHERE id = @id", ("id", id)));

        var retired = await commander.Client.PostAsJsonAsync($"/api/v1/squads/{id}/retire", new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var board = (await commander.Client.GetFromJsonAsync<List<SquadState>>("/api/v1/squads/", Json.Web))!;
        Assert.DoesNotContain(board, s => s.Id == id);
        var suggestions = (await commander.Client.GetFromJsonAsync<List<SquadSuggestion>>("/api/v1/squads/suggestions?lat=30.0&lon=110.0", Json.Web))!;
        Assert.DoesNotContain(suggestions, s => s.Id == id);
        Assert.Equal(HttpStatusCode.Conflict, (await commander.Client.PutAsJsonAsync($"/api/v1/squads/{id}", Squad("T1", Square(30.0, 110.0), version: 3))).StatusCode);

        Assert.Equal(3, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'squad-changed' AND target = @t", ("t", $"squad:{id}")));
    }

    [Fact]
    public async Task AnAreaOverlappingAnotherSquadsIsRefusedNamingThatSquadAndTheOverlapsSize()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var other = await county.ScalarAsync<string>("SELECT name FROM squads WHERE retired_at IS NULL ORDER BY id LIMIT 1");
        var lat = await county.ScalarAsync<double>("SELECT ST_Y(ST_PointOnSurface(jurisdiction)) FROM squads WHERE name = @n", ("n", other));
        var lon = await county.ScalarAsync<double>("SELECT ST_X(ST_PointOnSurface(jurisdiction)) FROM squads WHERE name = @n", ("n", other));
        var before = await county.CountAsync("SELECT count(*) FROM squads");

        var refused = await commander.Client.PostAsJsonAsync("/api/v1/squads/", Squad("T2", Square(lat, lon, 0.002), Point(lat, lon)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = string.Join(" ", (await ErrorsOf(refused)).GetProperty("area").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(other, message);
        Assert.Matches(@"\d+(\.\d+)? (m²|km²)", message);
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM squads"));
    }

    public static TheoryData<string, string> BadAreas => new()
    {
        { "crosses itself", """{"type":"Polygon","coordinates":[[[110.0,30.0],[110.1,30.1],[110.1,30.0],[110.0,30.1],[110.0,30.0]]]}""" },
        { "outside China", """{"type":"Polygon","coordinates":[[[10.0,50.0],[10.1,50.0],[10.1,50.1],[10.0,50.1],[10.0,50.0]]]}""" },
        { "latitude and longitude swapped", """{"type":"Polygon","coordinates":[[[30.0,110.0],[30.1,110.0],[30.1,110.1],[30.0,110.1],[30.0,110.0]]]}""" },
        { "a line", """{"type":"LineString","coordinates":[[110.0,30.0],[110.1,30.1]]}""" },
        { "two positions", """{"type":"Polygon","coordinates":[[[110.0,30.0],[110.1,30.1],[110.0,30.0]]]}""" },
        { "not numbers", """{"type":"Polygon","coordinates":[[["a","b"],[110.1,30.0],[110.1,30.1],[110.0,30.0]]]}""" },
        { "no coordinates", """{"type":"MultiPolygon"}""" },
        { "too many vertices", ManyVertices(6000) },
    };

    private static string ManyVertices(int count)
    {
        var ring = Enumerable.Range(0, count).Select(i => (Lon: 110 + 0.05 * Math.Cos(2 * Math.PI * i / count), Lat: 30 + 0.05 * Math.Sin(2 * Math.PI * i / count))).ToList();
        ring.Add(ring[0]);
        return $$"""{"type":"Polygon","coordinates":[[{{string.Join(",", ring.Select(p => FormattableString.Invariant($"[{p.Lon},{p.Lat}]")))}}]]}""";
    }

    [Theory]
    [MemberData(nameof(BadAreas))]
    public async Task AnInvalidAreaIsA400NamingTheAreaAndNothingIsStored(string why, string area)
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var before = await county.CountAsync("SELECT count(*) FROM squads");

        var refused = await commander.Client.PostAsJsonAsync("/api/v1/squads/", Squad("T3", JsonDocument.Parse(area).RootElement));

        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{why}: {refused.StatusCode}");
        Assert.True((await ErrorsOf(refused)).TryGetProperty("area", out _), why);
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM squads"));
    }

    [Fact]
    public async Task MissingFieldsABadBaseAndAMissingVersionAreNamedAndAnUnknownSquadIs404()
    {
        using var commander = await app.SignInAsync(Roles.Commander);

        var empty = await commander.Client.PostAsJsonAsync("/api/v1/squads/", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = await ErrorsOf(empty);
        foreach (var field in new[] { "code", "name", "leaderName", "dutyPhone", "base", "area" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var farBase = await commander.Client.PostAsJsonAsync("/api/v1/squads/", Squad("T4", Square(30.0, 112.0), Point(-33.9, 151.2)));
        Assert.True((await ErrorsOf(farBase)).TryGetProperty("base", out _));

        var (id, _) = await AddAsync(commander.Client, "T4", 30.0, 112.0);
        var noVersion = await commander.Client.PutAsJsonAsync($"/api/v1/squads/{id}", Squad("T4", Square(30.0, 112.0)));
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.True((await ErrorsOf(noVersion)).TryGetProperty("version", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await commander.Client.GetAsync("/api/v1/squads/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commander.Client.PutAsJsonAsync("/api/v1/squads/999999", Squad("T5", Square(30.0, 113.0), version: 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commander.Client.PostAsJsonAsync("/api/v1/squads/999999/retire", new { version = 1 })).StatusCode);
    }

    [Fact]
    public async Task RetiringASquadThatStillHasPeopleIsRefusedNamingWhatBelongsToIt()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE status = 'InCorrection' ORDER BY id LIMIT 1");
        var version = await county.ScalarAsync<int>("SELECT version FROM squads WHERE id = @id", ("id", squad));
        var people = await county.CountAsync("SELECT count(*) FROM subjects WHERE status = 'InCorrection' AND squad_id = @id", ("id", squad));

        var refused = await commander.Client.PostAsJsonAsync($"/api/v1/squads/{squad}/retire", new { version });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"{people} 名在矫人员", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM squads WHERE id = @id AND retired_at IS NOT NULL", ("id", squad)));
    }

    [Theory]
    [InlineData(Roles.SquadLeader)]
    [InlineData(Roles.DutyOfficer)]
    public async Task ASquadLeaderOrDutyOfficerCannotCreateChangeOrRetireSquads(string role)
    {
        var own = await county.ScalarAsync<int>("SELECT min(id) FROM squads");
        using var person = await app.SignInAsync(role, role == Roles.SquadLeader ? own : null);
        var before = await county.ScalarAsync<string>("SELECT name FROM squads WHERE id = @id", ("id", own));

        Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.PostAsJsonAsync("/api/v1/squads/", Squad("T6", Square(30.0, 114.0)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.PutAsJsonAsync($"/api/v1/squads/{own}", Squad("T6", Square(30.0, 114.0), version: 1, name: "夺权"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.PostAsJsonAsync($"/api/v1/squads/{own}/retire", new { version = 1 })).StatusCode);
        Assert.Equal(before, await county.ScalarAsync<string>("SELECT name FROM squads WHERE id = @id", ("id", own)));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM squads WHERE code = 'T6'"));
    }

    [Fact]
    public async Task ASquadLeaderLosesTheSquadsScopeAtOnceWhenTheSquadIsRetired()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var (id, version) = await AddAsync(commander.Client, "T7", 30.0, 116.0);
        using var leader = await app.SignInAsync(Roles.SquadLeader, id);
        var own = (await leader.Client.GetFromJsonAsync<List<SquadState>>("/api/v1/squads/", Json.Web))!;
        Assert.Equal([id], own.Select(s => s.Id));

        // The account is moved away (as the accounts page does) and the squad retired; the leader's cookie still names it.
        var elsewhere = await county.ScalarAsync<int>("SELECT min(id) FROM squads");
        await county.ExecuteAsync($"UPDATE \"AspNetUsers\" SET squad_id = {elsewhere} WHERE squad_id = {id}");
        Assert.Equal(HttpStatusCode.OK, (await commander.Client.PostAsJsonAsync($"/api/v1/squads/{id}/retire", new { version })).StatusCode);

        var after = await leader.Client.GetAsync("/api/v1/squads/");
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task RetiringASquadWhoseLeaderStillHasAnAccountIsRefused()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var (id, version) = await AddAsync(commander.Client, "T8", 30.0, 118.0);
        await TestSupport.Security.TestUsers.CreateAsync(app.Services, Roles.SquadLeader, id);

        var refused = await commander.Client.PostAsJsonAsync($"/api/v1/squads/{id}/retire", new { version });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("1 个账号", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARetiredSquadCanNeitherBeSentNorGiveAnAccount()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var (id, version) = await AddAsync(commander.Client, "T9", 30.0, 120.0);
        Assert.Equal(HttpStatusCode.OK, (await commander.Client.PostAsJsonAsync($"/api/v1/squads/{id}/retire", new { version })).StatusCode);

        var leader = await commander.Client.PostAsJsonAsync("/api/v1/users/",
            new { userName = "retired-squad-leader", displayName = "中队长", role = Roles.SquadLeader, squadId = id, password = "Leader-pass-123" });
        Assert.Equal(HttpStatusCode.BadRequest, leader.StatusCode);
        Assert.True((await ErrorsOf(leader)).TryGetProperty("squadId", out _));

        var device = await county.VisibleDeviceAsync(7);
        var alert = await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, raised_at, condition_cleared)
            SELECT id, 'Offline', 'Major', 'Acknowledged', squad_id, now(), false FROM subjects WHERE id = @s RETURNING id
            """, ("s", device.SubjectId));
        var sent = await commander.Client.PostAsJsonAsync($"/api/v1/alerts/{alert}/dispatch", new { squadId = id });
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM alerts WHERE dispatched_squad_id = @id", ("id", id)));
    }
}
