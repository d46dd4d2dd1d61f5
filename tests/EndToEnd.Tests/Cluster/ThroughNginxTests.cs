using System.Net;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Cluster;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Cluster;

/// <summary>Three nodes behind the nginx of `./run.sh --nodes 3`: a page's circuit and hubs stay on one node, the sessions spread over all.</summary>
public class ThroughNginxTests(NginxFrontedCluster cluster) : BrowserTest, IClassFixture<NginxFrontedCluster>
{
    [Fact]
    public async Task ASignedInDeskThroughNginxKeepsItsCircuitAndItsHubOnOneNode()
    {
        var nginx = cluster.Nginx.BaseAddress;
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, nginx, await DatabaseUsers.CreateAsync(cluster.Database.ConnectionString, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(nginx, "/desk"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("desk-through-nginx-1920x1080.png") });

        // Interactive means the circuit's WebSocket came up on the node that answered its negotiation; still
        // interactive after a moment means it stayed up. A click that re-renders proves the circuit answers.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Assertions.Expect(page.Locator("[data-testid=interactive]")).ToBeAttachedAsync();
        var affinity = (await page.Context.CookiesAsync()).Single(c => c.Name == "cc_node").Value;
        await page.Context.CloseAsync();

        // The WebSockets are logged when they close: give nginx a moment after the page is gone.
        IReadOnlyList<RelayedRequest> ours = [];
        for (var wait = 0; wait < 50 && !ours.Any(r => r.Path == "/_blazor" && r.Status == 101); wait++)
        {
            await Task.Delay(100);
            ours = [.. (await cluster.Nginx.ServedAsync()).Where(r => r.Affinity == affinity)];
        }

        Assert.Contains(ours, r => r.Path == "/_blazor/negotiate");
        Assert.Contains(ours, r => r.Path == "/_blazor" && r.Status == 101);
        Assert.Contains(ours, r => r.Path == "/desk");
        Assert.Single(ours.Select(r => r.Node).Distinct());
        Assert.DoesNotContain(ours, r => r.Status >= 500);
    }

    [Fact]
    public async Task SessionsWithoutTheCookieAreSpreadOverEveryNode()
    {
        var served = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = cluster.Nginx.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
            var affinity = cookies.GetCookies(cluster.Nginx.BaseAddress)["cc_node"]?.Value;
            Assert.NotNull(affinity);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);

            // The first request, before the cookie, went where the cookie now leads.
            var lines = await cluster.Nginx.ServedAsync();
            var first = lines.Where(r => r.Affinity == "-").Last();
            var second = lines.Last(r => r.Affinity == affinity);
            Assert.Equal(first.Node, second.Node);
            served.Add(second.Node);
        }

        Assert.Equal(cluster.Nodes.Select(n => n.BaseAddress.Authority).Order(), served.Distinct().Order());
    }

    [Fact]
    public async Task AForgedAffinityCookieOnlyPicksANodeAndIsNeverEchoed()
    {
        foreach (var forged in new[] { "<script>alert(1)</script>", new string('x', 4000), "../../etc/passwd" })
        {
            using var client = new HttpClient { BaseAddress = cluster.Nginx.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
            request.Headers.Add("Cookie", $"cc_node={Uri.EscapeDataString(forged)}");
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("cc_node=", StringComparison.Ordinal)));
            var page = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(forged, page);
            Assert.DoesNotContain(Uri.EscapeDataString(forged), page);
        }
    }
}
