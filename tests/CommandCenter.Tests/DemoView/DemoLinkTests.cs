using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Live;
using CommandCenter.TestSupport.Security;
using CommandCenter.Tests.Security;

namespace CommandCenter.Tests.DemoView;

public class DemoLinkTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private async Task<string> CreateLinkAsync(double hours)
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var response = await commander.Client.PostAsJsonAsync("/api/v1/demo-links", new { hours });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Uri((await response.Content.ReadFromJsonAsync<LinkAnswer>())!.Url).PathAndQuery;
    }

    [Fact]
    public async Task ASignedLinkOpensTheMaskedViewAndNothingElse()
    {
        var link = await CreateLinkAsync(1);
        using var visitor = FormSignIn.Anonymous(app.BaseAddress);

        var enter = await visitor.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, enter.StatusCode);
        Assert.Equal("/demo", enter.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/api/v1/demo/frame")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/demo")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.Client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.Client.GetAsync("/api/v1/map/positions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.Client.PostAsJsonAsync("/api/v1/demo-links", new { hours = 1 })).StatusCode);
    }

    [Fact]
    public async Task TheVisitLastsUntilTheLinkExpiresAndNoLonger()
    {
        var link = await CreateLinkAsync(2);
        using var visitor = FormSignIn.Anonymous(app.BaseAddress);
        await visitor.Client.GetAsync(link);

        app.Clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/api/v1/demo/frame")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.Client.GetAsync("/api/v1/demo/frame")).StatusCode);
    }

    [Fact]
    public async Task AnExpiredOrForgedLinkIsRefused()
    {
        var link = await CreateLinkAsync(1);
        using var visitor = FormSignIn.Anonymous(app.BaseAddress);

        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.Client.GetAsync(link + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.Client.GetAsync("/demo/enter?t=made-up")).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.Client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task ALinkCannotOutliveTheConfiguredLimit()
    {
        using var commander = await app.SignInAsync(Roles.Commander);

        var response = await commander.Client.PostAsJsonAsync("/api/v1/demo-links", new { hours = 24 * 30 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ARevokedLinkStopsWorkingAtOnceAlsoForAVisitorAlreadyLetIn()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var created = await (await commander.Client.PostAsJsonAsync("/api/v1/demo-links", new { hours = 2, name = "市局考察团" })).Content.ReadFromJsonAsync<LinkAnswer>();
        var link = new Uri(created!.Url).PathAndQuery;
        using var visitor = FormSignIn.Anonymous(app.BaseAddress);
        await visitor.Client.GetAsync(link);
        await using var stream = await HubProbe.ConnectAsync(app.BaseAddress, "/hubs/demo", visitor.Cookies);

        Assert.Equal(HttpStatusCode.NoContent, (await commander.Client.DeleteAsync($"/api/v1/demo-links/{created.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.Client.GetAsync("/api/v1/demo/frame")).StatusCode);
        Assert.True(await stream.IsClosedWithinAsync(TimeSpan.FromSeconds(10)), "the visitor's stream stayed open");
        using var latecomer = FormSignIn.Anonymous(app.BaseAddress);
        Assert.Equal(HttpStatusCode.Forbidden, (await latecomer.Client.GetAsync(link)).StatusCode);
        var listed = await commander.Client.GetFromJsonAsync<List<LinkRow>>("/api/v1/demo-links");
        var row = Assert.Single(listed!, l => l.Id == created.Id);
        Assert.Equal(("市局考察团", 1), (row.Name, row.Uses));
        Assert.NotNull(row.RevokedAt);
    }

    [Fact]
    public async Task EveryUseOfALinkIsAuditedAndSoIsItsRevocation()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var created = await (await commander.Client.PostAsJsonAsync("/api/v1/demo-links", new { hours = 1 })).Content.ReadFromJsonAsync<LinkAnswer>();
        var link = new Uri(created!.Url).PathAndQuery;
        using var visitor = FormSignIn.Anonymous(app.BaseAddress);

        await visitor.Client.GetAsync(link);
        await visitor.Client.GetAsync(link);
        await commander.Client.DeleteAsync($"/api/v1/demo-links/{created.Id}");
        await visitor.Client.GetAsync(link);

        var target = $"demo-link:{created.Id}";
        Assert.Equal(2, (await AuditRows.WhereAsync(app.ConnectionString, AuditActions.DemoLinkUsed)).Count(r => r.Target == target));
        Assert.Single(await AuditRows.WhereAsync(app.ConnectionString, AuditActions.DemoLinkRevoked), r => r.Target == target);
        Assert.Single(await AuditRows.WhereAsync(app.ConnectionString, AuditActions.DemoLinkRefused), r => r.Target == target);
    }

    [Theory]
    [InlineData("""{"hours":1e300}""", "hours")]
    [InlineData("""{"hours":-1}""", "hours")]
    [InlineData("""{"hours":0}""", "hours")]
    [InlineData("""{"hours":1,"name":"NAME"}""", "name")]
    [InlineData("""{"hours":1,"name":"a\u0000b"}""", "name")]
    public async Task AbsurdInputIsA400NamingTheFieldAndCreatesNoLink(string body, string field)
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var before = (await commander.Client.GetFromJsonAsync<List<LinkRow>>("/api/v1/demo-links"))!.Count;

        var response = await commander.Client.PostAsync("/api/v1/demo-links",
            new StringContent(body.Replace("NAME", new string('团', 101)), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await commander.Client.GetFromJsonAsync<List<LinkRow>>("/api/v1/demo-links"))!.Count);
    }

    private sealed record LinkAnswer(int Id, string Url, DateTimeOffset ExpiresAt);

    private sealed record LinkRow(int Id, string Name, int Uses, DateTimeOffset? RevokedAt);
}
