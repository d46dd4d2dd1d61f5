using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommandCenter.TestSupport.Security;

/// <summary>Clients that call the API as another system does: with an integration token a commander created.</summary>
public static class TokenClients
{
    public static async Task<SignedInSession> CreateAsync(SignedInSession commander, Uri baseAddress, string role)
    {
        var created = await commander.Client.PostAsJsonAsync("/api/v1/integration-tokens/", new { name = $"test {role} {Guid.NewGuid():N}"[..40], role });
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"No {role} token was created: {(int)created.StatusCode}.");
        }

        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var session = FormSignIn.Anonymous(baseAddress);
        session.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return session;
    }
}
