using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.DemoCounty;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Devices;

/// <summary>The devices API, and the ways around its keys that must not work.</summary>
public class DeviceEndpointsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private static int serials;

    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly HttpClient device = new() { BaseAddress = app.BaseAddress };

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task AnEnrolledDevicesKeyIsIssuedOnceAndNeverListedNorShownInTheDetail()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var enrolled = await EnrolAsync(duty.Client, await SubjectAsync());

        Assert.True(Convert.FromBase64String(ToBase64(enrolled.Key)).Length >= 16, "at least 128 bits");
        Assert.EndsWith($"/osmand?key={Uri.EscapeDataString(enrolled.Key)}", enrolled.ServerUrl, StringComparison.Ordinal);
        var list = await duty.Client.GetStringAsync("/api/v1/devices/?includeRetired=true");
        var detail = await duty.Client.GetStringAsync($"/api/v1/devices/{enrolled.Id}");
        Assert.Contains(enrolled.Serial, list, StringComparison.Ordinal);
        Assert.Contains(enrolled.Serial, detail, StringComparison.Ordinal);
        foreach (var answer in new[] { list, detail })
        {
            Assert.DoesNotContain(enrolled.Key, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(Secrets.Hash(enrolled.Key), answer, StringComparison.Ordinal);
            Assert.DoesNotContain("keyHash", answer, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'device-changed' AND target = @t", ("t", $"device:{enrolled.Serial}")));
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE detail LIKE @k", ("k", $"%{enrolled.Key}%")));
    }

    [Fact]
    public async Task AnEnrolledPhoneIsAcceptedAtOnceThroughOsmAndAndPositions()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var enrolled = await EnrolAsync(duty.Client, await SubjectAsync());

        Assert.Equal(HttpStatusCode.OK, (await PostOsmAndAsync(enrolled.Serial, enrolled.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostPositionsAsync(enrolled.Serial, enrolled.Key)).StatusCode);
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM positions WHERE device_id = @id", ("id", enrolled.Id)));
    }

    [Fact]
    public async Task ARotatedKeyIsRefusedAtOnceByPositionsAndOsmAnd()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var enrolled = await EnrolAsync(duty.Client, await SubjectAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostOsmAndAsync(enrolled.Serial, enrolled.Key)).StatusCode);

        var rotated = await duty.Client.PostAsJsonAsync($"/api/v1/devices/{enrolled.Id}/rotate-key", new { version = enrolled.Version });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newKey = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOsmAndAsync(enrolled.Serial, enrolled.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostPositionsAsync(enrolled.Serial, enrolled.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostOsmAndAsync(enrolled.Serial, newKey)).StatusCode);
    }

    [Fact]
    public async Task ARetiredDevicesKeyIsRefusedAtOnceByPositionsAndOsmAnd()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var enrolled = await EnrolAsync(duty.Client, await SubjectAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await PostPositionsAsync(enrolled.Serial, enrolled.Key)).StatusCode);

        var retired = await duty.Client.PostAsJsonAsync($"/api/v1/devices/{enrolled.Id}/retire", new { version = enrolled.Version });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOsmAndAsync(enrolled.Serial, enrolled.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostPositionsAsync(enrolled.Serial, enrolled.Key)).StatusCode);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM positions WHERE device_id = @id", ("id", enrolled.Id)));
    }

    [Fact]
    public async Task AKeyGuessedFromTheSerialDoesNotWork()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var enrolled = await EnrolAsync(duty.Client, await SubjectAsync());

        // The demo derives its devices' keys from the serial; an enrolled device's key owes nothing to it.
        var guesses = new[] { enrolled.Serial, new DemoDeviceKeys(CommandCenterApp.DeviceKeySecret).KeyFor(enrolled.Serial), Secrets.Hash(enrolled.Serial) };
        foreach (var guess in guesses)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostOsmAndAsync(enrolled.Serial, guess)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostPositionsAsync(enrolled.Serial, guess)).StatusCode);
        }

        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM positions WHERE device_id = @id", ("id", enrolled.Id)));
    }

    [Fact]
    public async Task AnotherSquadsLeaderCannotSeeOrChangeTheDevice()
    {
        var squads = await SquadsAsync();
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var enrolled = await EnrolAsync(duty.Client, await SubjectAsync(squads[0]));
        using var own = await app.SignInAsync(Roles.SquadLeader, squads[0]);
        using var other = await app.SignInAsync(Roles.SquadLeader, squads[1]);

        Assert.Equal(HttpStatusCode.OK, (await own.Client.GetAsync($"/api/v1/devices/{enrolled.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/devices/{enrolled.Id}")).StatusCode);
        Assert.DoesNotContain(enrolled.Serial, await other.Client.GetStringAsync("/api/v1/devices/?includeRetired=true"), StringComparison.Ordinal);
        foreach (var action in new[] { "rotate-key", "retire" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/v1/devices/{enrolled.Id}/{action}", new { version = enrolled.Version })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PutAsJsonAsync($"/api/v1/devices/{enrolled.Id}/subject",
            new { subjectId = await SubjectAsync(squads[1]), version = enrolled.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/v1/devices/{enrolled.Id}/replace",
            new { serial = NewSerial(), version = enrolled.Version })).StatusCode);
        var enrolForOthers = await other.Client.PostAsJsonAsync("/api/v1/devices/", new { serial = NewSerial(), kind = "Phone", subjectId = await SubjectAsync(squads[0]) });
        Assert.Equal(HttpStatusCode.BadRequest, enrolForOthers.StatusCode);
        Assert.True((await enrolForOthers.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("subjectId", out _));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOsmAndAsync(enrolled.Serial, "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostOsmAndAsync(enrolled.Serial, enrolled.Key)).StatusCode);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("a b")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    [InlineData("")]
    public async Task ABadSerialIsA400NamingTheFieldAndStoresNothing(string serial)
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM devices");

        var response = await duty.Client.PostAsJsonAsync("/api/v1/devices/", new { serial, kind = "Toaster", subjectId = await SubjectAsync() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("serial", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM devices"));
    }

    [Fact]
    public async Task AChangeMadeAgainstAnOlderVersionIsA409AndStoresNothing()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var enrolled = await EnrolAsync(duty.Client, await SubjectAsync());
        Assert.Equal(HttpStatusCode.OK, (await duty.Client.PostAsJsonAsync($"/api/v1/devices/{enrolled.Id}/rotate-key", new { version = enrolled.Version })).StatusCode);
        var hash = await county.ScalarAsync<string>("SELECT key_hash FROM devices WHERE id = @id", ("id", enrolled.Id));

        var stale = await duty.Client.PostAsJsonAsync($"/api/v1/devices/{enrolled.Id}/rotate-key", new { version = enrolled.Version });
        var staleRetire = await duty.Client.PostAsJsonAsync($"/api/v1/devices/{enrolled.Id}/retire", new { version = enrolled.Version });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleRetire.StatusCode);
        Assert.Equal(hash, await county.ScalarAsync<string>("SELECT key_hash FROM devices WHERE id = @id", ("id", enrolled.Id)));
        Assert.True(await county.ScalarAsync<bool>("SELECT active FROM devices WHERE id = @id", ("id", enrolled.Id)));
    }

    [Fact]
    public async Task AnUnknownDeviceIsA404()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        Assert.Equal(HttpStatusCode.NotFound, (await duty.Client.GetAsync("/api/v1/devices/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await duty.Client.PostAsJsonAsync("/api/v1/devices/999999/retire", new { version = 1 })).StatusCode);
    }

    [Fact]
    public async Task OneActiveDevicePerSerialAndARetiredSerialIsEnrolledAgainAsANewDevice()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var subject = await SubjectAsync();
        var first = await EnrolAsync(duty.Client, subject);

        var twice = await duty.Client.PostAsJsonAsync("/api/v1/devices/", new { serial = first.Serial, kind = "Phone", subjectId = subject });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("serial", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await duty.Client.PostAsJsonAsync($"/api/v1/devices/{first.Id}/retire", new { version = first.Version });
        var again = await EnrolAsync(duty.Client, subject, first.Serial);

        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM devices WHERE serial = @s", ("s", first.Serial)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOsmAndAsync(first.Serial, first.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostOsmAndAsync(first.Serial, again.Key)).StatusCode);
    }

    [Fact]
    public async Task ReplacingRetiresTheOldDeviceAndEnrolsTheNewOneForTheSameSubject()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var subject = await SubjectAsync();
        var old = await EnrolAsync(duty.Client, subject);

        var response = await duty.Client.PostAsJsonAsync($"/api/v1/devices/{old.Id}/replace", new { serial = NewSerial(), kind = "Bracelet", version = old.Version });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var successor = issued.GetProperty("device");
        Assert.Equal(subject, successor.GetProperty("subjectId").GetInt32());
        Assert.Equal("Bracelet", successor.GetProperty("kind").GetString());
        Assert.False(await county.ScalarAsync<bool>("SELECT active FROM devices WHERE id = @id", ("id", old.Id)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOsmAndAsync(old.Serial, old.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostOsmAndAsync(successor.GetProperty("serial").GetString()!, issued.GetProperty("key").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task AReplacementWhoseSerialIsActiveElsewhereLeavesTheOldDeviceInService()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var old = await EnrolAsync(duty.Client, await SubjectAsync());
        var taken = await EnrolAsync(duty.Client, await SubjectAsync());

        var response = await duty.Client.PostAsJsonAsync($"/api/v1/devices/{old.Id}/replace", new { serial = taken.Serial, version = old.Version });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True(await county.ScalarAsync<bool>("SELECT active FROM devices WHERE id = @id", ("id", old.Id)));
        Assert.Equal(HttpStatusCode.OK, (await PostOsmAndAsync(old.Serial, old.Key)).StatusCode);
    }

    [Fact]
    public async Task ADeviceIsPassedToAnotherSubjectAndAudited()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var enrolled = await EnrolAsync(duty.Client, await SubjectAsync());
        var other = await county.ScalarAsync<int>("SELECT id FROM subjects WHERE status = 'InCorrection' ORDER BY id DESC LIMIT 1");

        var response = await duty.Client.PutAsJsonAsync($"/api/v1/devices/{enrolled.Id}/subject", new { subjectId = other, version = enrolled.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(other, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subjectId").GetInt32());
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'device-changed' AND target = @t", ("t", $"device:{enrolled.Serial}")));
    }

    private async Task<Enrolled> EnrolAsync(HttpClient client, int subjectId, string? serial = null)
    {
        serial ??= NewSerial();
        var response = await client.PostAsJsonAsync("/api/v1/devices/", new { serial, kind = "TraccarClient", subjectId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var device = issued.GetProperty("device");
        return new Enrolled(device.GetProperty("id").GetInt32(), serial, issued.GetProperty("key").GetString()!, issued.GetProperty("serverUrl").GetString()!,
            device.GetProperty("version").GetUInt32());
    }

    private Task<HttpResponseMessage> PostOsmAndAsync(string serial, string key) =>
        device.GetAsync($"/osmand?id={serial}&key={Uri.EscapeDataString(key)}&lat={Fixes.InsideLatitude}&lon={Fixes.InsideLongitude}&timestamp={Now.AddSeconds(-Interlocked.Increment(ref serials) % 50 - 1).ToUnixTimeMilliseconds()}");

    private Task<HttpResponseMessage> PostPositionsAsync(string serial, string key) =>
        device.PostAsJsonAsync("/api/v1/positions", new
        {
            positions = new[] { new { device = serial, key, time = Now.AddSeconds(-Interlocked.Increment(ref serials) % 50 - 1), lat = Fixes.InsideLatitude, lon = Fixes.InsideLongitude } },
        });

    private async Task<int> SubjectAsync(int? squad = null) => squad is null
        ? await county.ScalarAsync<int>("SELECT id FROM subjects WHERE status = 'InCorrection' ORDER BY id LIMIT 1")
        : await county.ScalarAsync<int>("SELECT id FROM subjects WHERE status = 'InCorrection' AND squad_id = @s ORDER BY id LIMIT 1", ("s", squad));

    private async Task<int[]> SquadsAsync() =>
        [await county.ScalarAsync<int>("SELECT min(squad_id) FROM subjects WHERE status = 'InCorrection'"),
         await county.ScalarAsync<int>("SELECT max(squad_id) FROM subjects WHERE status = 'InCorrection'")];

    private static string NewSerial() => $"TC-{Guid.NewGuid():N}"[..20];

    private static string ToBase64(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - base64Url.Length % 4) % 4);

    private sealed record Enrolled(int Id, string Serial, string Key, string ServerUrl, uint Version);
}
