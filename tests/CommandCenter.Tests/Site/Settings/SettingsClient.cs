using System.Net.Http.Json;
using System.Text.Json;

namespace CommandCenter.Tests.Site.Settings;

/// <summary>Reads and changes the site's settings through the API, as a commander's browser or script would.</summary>
internal static class SettingsClient
{
    public const string Path = "/api/v1/site/settings";

    public static async Task<JsonElement> ReadAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>(Path);

    public static async Task<int> VersionAsync(HttpClient client) => (await ReadAsync(client)).GetProperty("version").GetInt32();

    public static JsonElement Setting(JsonElement view, string key) =>
        view.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    public static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, int version, Dictionary<string, string?> values) =>
        await client.PutAsJsonAsync(Path, new { version, values });

    public static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, Dictionary<string, string?> values) =>
        await ChangeAsync(client, await VersionAsync(client), values);
}
