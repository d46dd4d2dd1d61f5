using System.Net;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Network;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Security;

/// <summary>The app behind a real nginx that it lists as its proxy.</summary>
public sealed class ProxiedApp : CommandCenterApp, IAsyncLifetime
{
    public const string PublicBaseUrl = "https://cc.county.example";

    public LoopbackNginx Nginx { get; private set; } = default!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Proxy:KnownProxies:0"] = LoopbackNginx.ProxyAddress,
        ["Proxy:PublicBaseUrl"] = PublicBaseUrl,
    };

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Nginx = await LoopbackNginx.StartAsync(BaseAddress);
    }

    public new async Task DisposeAsync()
    {
        await Nginx.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>
/// Forwarded headers are believed from the listed proxy only: through nginx the audit sees the client, a client
/// that forges them directly is seen as itself; cookies are Secure and HSTS is sent when the original request was
/// HTTPS; links handed out use the configured public address.
/// </summary>
public class ReverseProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    private const string Client = "127.0.0.3";

    private static async Task<string?> AddressOfFailedSignInAsync(ProxiedApp app, string userName) =>
        (await AuditRows.WhereAsync(app.ConnectionString, AuditActions.SignInFailed)).Single(r => r.Actor == userName).RemoteAddress;

    private static Task<HttpResponseMessage> FailSignInAsync(HttpClient client, string userName) =>
        FormSignIn.PostPasswordAsync(new SignedInSession(client, new CookieContainer()), userName, "wrong-password");

    [Fact]
    public async Task ThroughTheProxyTheAuditSeesTheClientsAddressEvenIfTheClientForgesAForwardedFor()
    {
        using var client = LoopbackNginx.ClientFrom(Client, app.Nginx.Https, new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        var userName = $"nobody-{Guid.NewGuid():N}"[..20];

        await FailSignInAsync(client, userName);

        Assert.Equal(Client, await AddressOfFailedSignInAsync(app, userName));
    }

    [Fact]
    public async Task AForwardedForFromAPeerThatIsNotAListedProxyIsIgnored()
    {
        using var client = LoopbackNginx.ClientFrom("127.0.0.1", app.BaseAddress, new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var userName = $"nobody-{Guid.NewGuid():N}"[..20];

        var response = await FailSignInAsync(client, userName);

        Assert.Equal("127.0.0.1", await AddressOfFailedSignInAsync(app, userName));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task WhenTheOriginalRequestWasHttpsTheSessionCookieIsSecureAndHstsIsSent()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var client = LoopbackNginx.ClientFrom(Client, app.Nginx.Https, new CookieContainer());

        var response = await FormSignIn.PostPasswordAsync(new SignedInSession(client, new CookieContainer()), user.UserName, user.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cc.session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task OverPlainHttpThroughTheProxyNoHstsIsSent()
    {
        using var client = LoopbackNginx.ClientFrom(Client, app.Nginx.Http);

        var response = await client.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ADemoLinkIsHandedOutOnThePublicAddressNotTheOneItWasAskedOn()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        using var client = LoopbackNginx.ClientFrom(Client, app.Nginx.Https, commander.Cookies);
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await client.PostAsJsonAsync("/api/v1/demo-links", new { hours = 1, name = "考察团" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = await response.Content.ReadFromJsonAsync<LinkAnswer>();
        Assert.StartsWith(ProxiedApp.PublicBaseUrl + "/demo/enter?t=", link!.Url);
    }

    private sealed record LinkAnswer(string Url);
}
