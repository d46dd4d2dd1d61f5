using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Security;
using CommandCenter.Tests.Security;

namespace CommandCenter.Tests.Delegation;

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

    private sealed record LinkAnswer(string Url, DateTimeOffset ExpiresAt);
}
