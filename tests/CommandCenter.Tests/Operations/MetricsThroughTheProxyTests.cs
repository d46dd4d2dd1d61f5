using System.Net;
using System.Net.Http.Headers;
using CommandCenter.Security;
using CommandCenter.Tests.Security;
using CommandCenter.TestSupport.Network;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Operations;

/// <summary>
/// A real nginx on this machine in front of the app, as on a site: it connects from the loopback, yet what it
/// relays comes from elsewhere, so a scrape through it needs an operator token.
/// </summary>
public class MetricsThroughTheProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task AScrapeRelayedByTheProxyWithoutATokenIsRefused()
    {
        using var client = LoopbackNginx.ClientFrom("127.0.0.3", app.Nginx.Https, new CookieContainer());

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AClientThatNamesTheLoopbackInItsOwnForwardedHeaderIsStillRefused()
    {
        using var client = LoopbackNginx.ClientFrom("127.0.0.3", app.Nginx.Https, new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.1");

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnOperatorTokenScrapesThroughTheProxy()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        using var scraper = await TokenClients.CreateAsync(commander, app.BaseAddress, Roles.Operator);
        using var client = LoopbackNginx.ClientFrom("127.0.0.3", app.Nginx.Https, new CookieContainer());
        client.DefaultRequestHeaders.Authorization = scraper.Client.DefaultRequestHeaders.Authorization;

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("commandcenter_ingest_queue_depth", await response.Content.ReadAsStringAsync());
    }
}
