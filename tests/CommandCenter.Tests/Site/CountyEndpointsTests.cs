using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Data;
using CommandCenter.Fences;
using CommandCenter.Geo.Fences;
using CommandCenter.Map;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Site;

/// <summary>
/// The county of an empty site (demo off): searched in the shipped boundaries, previewed, chosen, changed and
/// imported through the API, with the base map, the county fence and the rules' index following.
/// </summary>
public class CountyEndpointsTests(CommandCenterApp app, ITestOutputHelper output) : SignedInTest(Roles.Commander), IClassFixture<CommandCenterApp>
{
    private const string Pingyi = "371326";
    private const string Feixian = "371325";

    protected override CommandCenterApp Host => app;

    [Fact]
    public async Task PingyiIsFoundByNameWithOrWithoutItsSuffixAndByItsCodeAndTheSecondSearchAnswersAtOnce()
    {
        var first = Stopwatch.StartNew();
        var byFullName = await SearchAsync("平邑县");
        first.Stop();
        var again = Stopwatch.StartNew();
        var byName = await SearchAsync("平邑");
        again.Stop();
        var byCode = await SearchAsync(Pingyi);
        var built = app.Services.GetRequiredService<CommandCenter.Site.County.ShippedCountyIndex>().BuildTime;
        output.WriteLine($"index built (or read back from its cache) in {built?.TotalMilliseconds:0} ms; this class's first search {first.ElapsedMilliseconds} ms, a later one {again.ElapsedMilliseconds} ms");

        foreach (var found in new[] { byFullName, byName, byCode })
        {
            var pingyi = found[0];
            Assert.Equal(Pingyi, pingyi.GetProperty("code").GetString());
            Assert.Equal("平邑县", pingyi.GetProperty("name").GetString());
            Assert.Equal("临沂", pingyi.GetProperty("city").GetString());
            Assert.Equal("山东省", pingyi.GetProperty("province").GetString());
        }

        Assert.True(again.ElapsedMilliseconds < 1000, $"a search after the first took {again.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("")]
    [InlineData("%20")]
    public async Task ASearchWithoutTextIsRefusedNamingQ(string query)
    {
        var response = await Client.GetAsync($"/api/v1/site/counties?q={query}");

        await AssertNamesAsync(response, "q");
    }

    [Fact]
    public async Task ThePreviewDrawsTheCountyInWgs84WithItsNeighboursFromOtherCitiesToo()
    {
        var response = await Client.GetAsync($"/api/v1/site/counties/{Pingyi}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var features = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features").EnumerateArray().ToList();
        var roles = features.ToDictionary(f => f.GetProperty("properties").GetProperty("code").GetString()!, f => f.GetProperty("properties").GetProperty("role").GetString());
        Assert.Equal("County", roles[Pingyi]);
        Assert.Equal("Neighbour", roles[Feixian]);

        // 泗水县 (Jining) and 新泰市 (Tai'an) border 平邑县 from other city files.
        Assert.Contains(roles.Keys, code => code.StartsWith("3708", StringComparison.Ordinal));
        Assert.Contains(roles.Keys, code => code.StartsWith("3709", StringComparison.Ordinal));
        Assert.DoesNotContain(roles.Keys, code => code.StartsWith("11", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("37132", HttpStatusCode.BadRequest)]
    [InlineData("abcdef", HttpStatusCode.BadRequest)]
    [InlineData("999999", HttpStatusCode.NotFound)]
    public async Task APreviewOfAMalformedCodeIs400AndOfAnUnknownOne404(string code, HttpStatusCode expected)
    {
        var response = await Client.GetAsync($"/api/v1/site/counties/{code}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            await AssertNamesAsync(response, "code");
        }
    }

    [Theory]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    [InlineData("""{"code":"37-326"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"code":"999999"}""", HttpStatusCode.NotFound)]
    public async Task ChoosingWithoutAValidCodeIsRefusedAndStoresNothing(string body, HttpStatusCode expected)
    {
        var response = await Client.PutAsync("/api/v1/site/county", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            await AssertNamesAsync(response, "code");
        }

        Assert.Empty(await AuditRows.WhereAsync(app.ConnectionString, AuditActions.CountyChosen));
    }

    [Theory]
    [InlineData("", "{}", "datum")]
    [InlineData("datum=utm", "{}", "datum")]
    [InlineData("datum=gcj02", "not json", "file")]
    [InlineData("datum=gcj02", """{"type":"FeatureCollection","features":[]}""", "file")]
    [InlineData("datum=gcj02", """{"type":"Polygon","coordinates":[[[117,35],[118,35],[400,36],[117,35]]]}""", "file")]
    [InlineData("datum=wgs84", """{"type":"Polygon","coordinates":[[[117,35],[118,35],[118,36],[117,35]]]}""", "code")]
    public async Task AnImportIsRefusedNamingTheFieldAndStoresNothing(string query, string body, string field)
    {
        var response = await Client.PostAsync($"/api/v1/site/county/import?{query}", new StringContent(body, Encoding.UTF8, "application/geo+json"));

        await AssertNamesAsync(response, field);
        Assert.Empty(await AuditRows.WhereAsync(app.ConnectionString, AuditActions.CountyChosen));
    }

    /// <summary>One story, because each step changes the site's one county.</summary>
    [Fact]
    public async Task ACountyIsChosenChangedWithAFreshVersionOnlyAndImportedWithTheFenceAndBaseMapFollowingEachTime()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/site/county")).StatusCode);
        Assert.False(await StepDoneAsync("County"));

        var chosen = await Client.PutAsJsonAsync("/api/v1/site/county", new { code = Pingyi, expectedCode = "" });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.True(await StepDoneAsync("County"));
        var (county, neighbours) = await BaseMapAsync();
        Assert.Equal(Pingyi, county.Code);
        Assert.Contains(neighbours, n => n.Code == Feixian);
        var fence = Assert.Single(await CountyFencesAsync());
        Assert.True(fence.Area.EqualsExact(county.Boundary));
        Assert.Contains(app.Services.GetRequiredService<FenceCatalog>().Current.Fences, f => f.Id == fence.Id);

        // A commander working from a page that still showed no county is refused, and nothing changes.
        var stale = await Client.PutAsJsonAsync("/api/v1/site/county", new { code = Feixian, expectedCode = "" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(Pingyi, (await BaseMapAsync()).County.Code);

        var changed = await Client.PutAsJsonAsync("/api/v1/site/county", new { code = Feixian, expectedCode = Pingyi });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        (county, neighbours) = await BaseMapAsync();
        Assert.Equal(Feixian, county.Code);
        Assert.Contains(neighbours, n => n.Code == Pingyi);
        var moved = Assert.Single(await CountyFencesAsync());
        Assert.Equal(fence.Id, moved.Id);
        Assert.True(moved.Area.EqualsExact(county.Boundary));
        Assert.True(app.Services.GetRequiredService<FenceCatalog>().Current.Fences.Single(f => f.Id == fence.Id).Geometry.EqualsExact(county.Boundary));

        // An imported square in GCJ-02 is stored converted to WGS-84: the offset there is some hundreds of metres.
        var square = """{"type":"Feature","id":"370000","properties":{"name":"试验县"},"geometry":{"type":"Polygon","coordinates":[[[117.5,35.2],[117.7,35.2],[117.7,35.4],[117.5,35.4],[117.5,35.2]]]}}""";
        var imported = await Client.PostAsync($"/api/v1/site/county/import?datum=gcj02&expectedCode={Feixian}", new StringContent(square, Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        (county, neighbours) = await BaseMapAsync();
        Assert.Equal(("370000", "试验县"), (county.Code, county.Name));
        Assert.InRange(county.Boundary.EnvelopeInternal.MinX, 117.49, 117.4999);
        Assert.NotEmpty(neighbours);
        Assert.Equal(fence.Id, Assert.Single(await CountyFencesAsync()).Id);

        var audit = await AuditRows.WhereAsync(app.ConnectionString, AuditActions.CountyChosen);
        Assert.Equal(["county:371326", "county:371325", "county:370000"], audit.Select(a => a.Target));
    }

    private async Task<List<JsonElement>> SearchAsync(string query)
    {
        var response = await Client.GetAsync($"/api/v1/site/counties?q={Uri.EscapeDataString(query)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private async Task<bool> StepDoneAsync(string step)
    {
        var steps = await Client.GetFromJsonAsync<JsonElement>("/api/v1/site/checklist");
        return steps.EnumerateArray().Single(s => s.GetProperty("step").GetString() == step).GetProperty("done").GetBoolean();
    }

    private async Task<(AdminArea County, List<AdminArea> Neighbours)> BaseMapAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDb>>().CreateDbContextAsync();
        var areas = await db.AdminAreas.AsNoTracking().ToListAsync();
        return (areas.Single(a => a.Role == AdminAreaRole.County), [.. areas.Where(a => a.Role == AdminAreaRole.Neighbour)]);
    }

    private async Task<List<Geofence>> CountyFencesAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDb>>().CreateDbContextAsync();
        return await db.Geofences.AsNoTracking().Where(f => f.Kind == FenceKind.Inclusion && f.Scope == FenceScopeKind.AllSubjects).ToListAsync();
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
    }
}
