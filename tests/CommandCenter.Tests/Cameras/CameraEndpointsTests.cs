using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Cameras;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Cameras;

public class CameraEndpointsTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task TheNearestCamerasComeNearestFirstAndWithinTheRadius()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        var nearest = (await duty.Client.GetFromJsonAsync<List<CameraView>>("/api/v1/cameras/nearest?lat=35.45&lon=117.65&limit=5"))!;
        var within = (await duty.Client.GetFromJsonAsync<List<CameraView>>("/api/v1/cameras/nearest?lat=35.45&lon=117.65&limit=50&withinMeters=3000"))!;

        Assert.Equal(5, nearest.Count);
        Assert.Equal(nearest.Select(c => c.DistanceMeters).Order(), nearest.Select(c => c.DistanceMeters));
        Assert.All(within, c => Assert.True(c.DistanceMeters <= 3000));
        var oracle = await county.ScalarAsync<int>(
            "SELECT id FROM cameras ORDER BY ST_Distance(location::geography, ST_SetSRID(ST_MakePoint(117.65, 35.45), 4326)::geography) LIMIT 1");
        Assert.Equal(oracle, nearest[0].Id);
    }

    [Fact]
    public async Task ANearestQuestionWithoutAPlaceIsA400NamingIt()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        var response = await duty.Client.GetAsync("/api/v1/cameras/nearest?lat=95&limit=80");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("lat", out _) && errors.TryGetProperty("lon", out _) && errors.TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task AddingACameraIsValidatedAndAudited()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);

        var bad = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code = "", latitude = 91.0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var good = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code = "CAM-T01", name = "测试路口", latitude = 35.5, longitude = 117.6, online = true });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'record-changed' AND target = 'camera:CAM-T01'"));

        var again = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code = "CAM-T01", name = "重复", latitude = 35.5, longitude = 117.6 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task AnImportWithOneBadRowImportsNothing()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var before = await county.CountAsync("SELECT count(*) FROM cameras");

        var refused = await duty.Client.PostAsync("/api/v1/cameras/import",
            new StringContent("code,name,latitude,longitude\nCAM-I01,一号,35.5,117.6\nCAM-I02,二号,north,117.6\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("row 3, latitude", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM cameras"));

        var accepted = await duty.Client.PostAsync("/api/v1/cameras/import",
            new StringContent("code,name,latitude,longitude\nCAM-I01,一号,35.5,117.6\nCAM-0001,改名,35.4,117.5\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var answer = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("added").GetInt32());
        Assert.Equal(1, answer.GetProperty("updated").GetInt32());
        Assert.Equal("改名", await county.ScalarAsync<string>("SELECT name FROM cameras WHERE code = 'CAM-0001'"));
    }
}
