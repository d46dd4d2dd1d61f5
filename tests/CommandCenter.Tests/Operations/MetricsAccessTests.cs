using System.Net;
using System.Net.Http.Headers;
using CommandCenter.Security;
using CommandCenter.TestSupport.Operations;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Operations;

/// <summary>/metrics answers an operator token or a process on this machine; every way around that is refused.</summary>
[Collection(OperatorsCollection.Name)]
public class MetricsAccessTests(OperatorsApp app)
{
    [Fact]
    public async Task AProcessOnThisMachineScrapesWithoutAToken()
    {
        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("commandcenter_ingest_queue_depth", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("X-Forwarded-For", "127.0.0.1, 203.0.113.7")]
    [InlineData("Forwarded", "for=127.0.0.1")]
    [InlineData("X-Real-IP", "127.0.0.1")]
    public async Task ARequestRelayedByAProxyOnThisMachineIsNotLocalEvenWhenItNamesTheLoopback(string header, string value)
    {
        // The proxy is believed (127.0.0.1 is a known proxy), so the app sees 127.0.0.1 as the client in the first
        // case: only the mark taken before the forwarded headers keeps the relayed request from passing as local.
        using var response = await SendAsync(request => request.Headers.TryAddWithoutValidation(header, value));

        AssertRefused(response);
    }

    [Fact]
    public async Task AnotherMachineWithoutATokenIsRefused()
    {
        using var response = await SendAsync(FromElsewhere);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnotherMachineClaimingTheLoopbackInAForwardedHeaderIsRefused()
    {
        using var response = await SendAsync(request =>
        {
            FromElsewhere(request);
            request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        });

        AssertRefused(response);
    }

    [Fact]
    public async Task AWrongTokenIsRefusedFromAnotherMachineAndFromThisOne()
    {
        using var remote = await SendAsync(request =>
        {
            FromElsewhere(request);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "cct_not-a-token-of-this-site");
        });
        using var local = await SendAsync(request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "cct_not-a-token-of-this-site"));

        Assert.Equal(HttpStatusCode.Unauthorized, remote.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, local.StatusCode);
    }

    [Fact]
    public async Task AnotherSystemsTokenIsRefused()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        using var reader = await TokenClients.CreateAsync(commander, app.BaseAddress, Roles.ApiReader);

        using var response = await SendAsync(request =>
        {
            FromElsewhere(request);
            request.Headers.Authorization = reader.Client.DefaultRequestHeaders.Authorization;
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnOperatorTokenScrapesFromAnotherMachineUntilItIsRevoked()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        using var scraper = await TokenClients.CreateAsync(commander, app.BaseAddress, Roles.Operator);
        var token = scraper.Client.DefaultRequestHeaders.Authorization;
        void AsOperator(HttpRequestMessage request)
        {
            FromElsewhere(request);
            request.Headers.Authorization = token;
        }

        using var allowed = await SendAsync(AsOperator);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("commandcenter_ingest_queue_depth", await allowed.Content.ReadAsStringAsync());

        var tokens = await commander.Client.GetStringAsync("/api/v1/integration-tokens/");
        var id = System.Text.Json.JsonDocument.Parse(tokens).RootElement.EnumerateArray()
            .Last(t => t.GetProperty("role").GetString() == Roles.Operator).GetProperty("id").GetInt32();
        (await commander.Client.DeleteAsync($"/api/v1/integration-tokens/{id}")).EnsureSuccessStatusCode();

        using var revoked = await SendAsync(AsOperator);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    private static void FromElsewhere(HttpRequestMessage request) => request.Headers.Add(PretendedPeer.Header, PretendedPeer.Remote);

    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
            $"expected a refusal, got {(int)response.StatusCode}");

    private async Task<HttpResponseMessage> SendAsync(Action<HttpRequestMessage>? prepare = null)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        prepare?.Invoke(request);
        return await client.SendAsync(request);
    }
}
