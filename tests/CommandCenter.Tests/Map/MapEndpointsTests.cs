using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;

namespace CommandCenter.Tests.Map;

public class MapEndpointsTests(SmallCountyApp app) : SignedInTest(Roles.DutyOfficer), IClassFixture<SmallCountyApp>
{
    protected override CommandCenterApp Host => app;

    [Fact]
    public async Task TheRegionsAreTheCountyAndItsNeighboursAsGeoJson()
    {
        var regions = await Client.GetFromJsonAsync<JsonElement>("/api/v1/map/regions");

        Assert.Equal("FeatureCollection", regions.GetProperty("type").GetString());
        var features = regions.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(12, features.Count);
        var county = Assert.Single(features, f => f.GetProperty("properties").GetProperty("role").GetString() == "County");
        Assert.Equal("371326", county.GetProperty("properties").GetProperty("code").GetString());
        Assert.Equal("MultiPolygon", county.GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task HealthIs200WhileTheDatabaseAnswers()
    {
        var response = await Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheApiIsDescribedInOpenApi()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/positions", out _));
        Assert.True(paths.TryGetProperty("/api/v1/alerts", out _));
        Assert.True(paths.TryGetProperty("/api/v1/map/positions", out _));
    }
}
