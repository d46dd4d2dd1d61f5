using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Security;

public class HardeningTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/healthz")]
    [InlineData("/api/v1/alerts")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        var response = await FormSignIn.Anonymous(app.BaseAddress).Client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only over HTTPS");
    }

    [Fact]
    public async Task ABadRequestNeverShowsAStackTrace()
    {
        using var session = await app.SignInAsync(Roles.DutyOfficer);

        var response = await session.Client.GetAsync("/api/v1/alerts?limit=lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(" at ", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public async Task TheSignInCookieIsHttpOnlyAndSameSiteStrict()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        using var session = FormSignIn.Anonymous(app.BaseAddress);

        var response = await FormSignIn.PostPasswordAsync(session, user.UserName, user.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cc.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedWith413()
    {
        using var session = await app.SignInAsync(Roles.Commander);
        var huge = new string('x', 2 * 1024 * 1024);

        var response = await session.Client.PostAsJsonAsync("/api/v1/users/", new { userName = huge });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

/// <summary>An app with tight limits, to see them bite.</summary>
public class TightLimitsApp : SmallCountyApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Security:SignInRequestsPerMinute"] = "3",
        ["Security:IngestRequestsPerSecond"] = "1",
    };
}

public class RateLimitTests(TightLimitsApp app) : IClassFixture<TightLimitsApp>
{
    [Fact]
    public async Task SignInAttemptsBeyondTheLimitAreAnswered429WithRetryAfter()
    {
        var client = FormSignIn.Anonymous(app.BaseAddress).Client;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/login")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var refused = await client.GetAsync("/login");
        Assert.True(refused.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task IngestBeyondTheLimitIsAnswered429()
    {
        var client = FormSignIn.Anonymous(app.BaseAddress).Client;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var answer = await client.PostAsJsonAsync("/api/v1/positions", new { positions = Array.Empty<object>() });
            refused = answer.StatusCode == HttpStatusCode.TooManyRequests ? answer : null;
        }

        // The refusal itself is read: the bucket refills a token a second, so on a slow machine a later request may pass.
        Assert.NotNull(refused);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }
}
