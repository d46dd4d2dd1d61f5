using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Security;

public class IntegrationTokenTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<(int Id, HttpClient Client)> TokenClientAsync(SignedInSession commander, string role)
    {
        var created = await commander.Client.PostAsJsonAsync("/api/v1/integration-tokens/", new { name = $"test {role}", role });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = (await created.Content.ReadFromJsonAsync<TokenAnswer>())!;
        Assert.StartsWith(IntegrationTokenDefaults.Prefix, answer.Token);
        var client = FormSignIn.Anonymous(app.BaseAddress).Client;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", answer.Token);
        return (answer.Id, client);
    }

    [Fact]
    public async Task AForwarderPostsPositionsWithoutDeviceKeysUntilItsTokenIsRevoked()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var (id, forwarder) = await TokenClientAsync(commander, Roles.Forwarder);
        var device = await county.VisibleDeviceAsync(30);
        var batch = new { positions = new[] { new { device = device.Serial, time = TimeProvider.System.GetUtcNow(), lat = 35.5, lon = 117.6 } } };

        Assert.Equal(HttpStatusCode.Accepted, (await forwarder.PostAsJsonAsync("/api/v1/positions", batch)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await commander.Client.DeleteAsync($"/api/v1/integration-tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forwarder.PostAsJsonAsync("/api/v1/positions", batch)).StatusCode);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'token-revoked' AND target = @t", ("t", $"integration-token:{id}")));
    }

    [Fact]
    public async Task AReaderTokenReadsAlertsButCannotForwardPositions()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var (_, reader) = await TokenClientAsync(commander, Roles.ApiReader);
        var device = await county.VisibleDeviceAsync(31);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/alerts")).StatusCode);
        var forward = await reader.PostAsJsonAsync("/api/v1/positions",
            new { positions = new[] { new { device = device.Serial, time = TimeProvider.System.GetUtcNow(), lat = 35.5, lon = 117.6 } } });
        Assert.Equal(HttpStatusCode.Unauthorized, forward.StatusCode);
    }

    [Fact]
    public async Task OnlyTokenRolesCanBeGivenToATokenAndOnlyItsHashIsStored()
    {
        using var commander = await app.SignInAsync(Roles.Commander);

        var refused = await commander.Client.PostAsJsonAsync("/api/v1/integration-tokens/", new { name = "too powerful", role = Roles.Commander });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var created = (await (await commander.Client.PostAsJsonAsync("/api/v1/integration-tokens/", new { name = "hash check", role = Roles.ApiReader }))
            .Content.ReadFromJsonAsync<TokenAnswer>())!;
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM integration_tokens WHERE token_hash = @t", ("t", created.Token)));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM integration_tokens WHERE id = @id AND length(token_hash) = 64", ("id", created.Id)));
    }

    [Theory]
    [InlineData("{\"role\":\"forwarder\"}", "name")]
    [InlineData("{\"name\":\"x\",\"role\":\"forwarder\"}", "name")]
    [InlineData("{\"name\":\"no role\"}", "role")]
    [InlineData("{\"name\":\"a wrong type\",\"role\":7}", "role")]
    public async Task ATokenRequestWithAMissingOrBadFieldIsA400NamingItAndNothingIsStored(string body, string field)
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var before = await county.CountAsync("SELECT count(*) FROM integration_tokens");

        var refused = await commander.Client.PostAsync("/api/v1/integration-tokens/", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains(field, problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await county.CountAsync("SELECT count(*) FROM integration_tokens"));
    }

    [Fact]
    public async Task CreatingAndRevokingATokenAreAudited()
    {
        using var commander = await app.SignInAsync(Roles.Commander);
        var created = (await (await commander.Client.PostAsJsonAsync("/api/v1/integration-tokens/", new { name = "audited", role = Roles.Forwarder }))
            .Content.ReadFromJsonAsync<TokenAnswer>())!;

        Assert.Equal(HttpStatusCode.NoContent, (await commander.Client.DeleteAsync($"/api/v1/integration-tokens/{created.Id}")).StatusCode);

        Assert.Equal(2, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE action IN ('token-created', 'token-revoked') AND target = @t", ("t", $"integration-token:{created.Id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await commander.Client.DeleteAsync("/api/v1/integration-tokens/999999")).StatusCode);
    }

    private sealed record TokenAnswer(int Id, string Name, string Role, string Token);
}
