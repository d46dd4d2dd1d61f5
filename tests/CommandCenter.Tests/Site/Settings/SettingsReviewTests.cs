using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Site.Settings;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;

namespace CommandCenter.Tests.Site.Settings;

/// <summary>
/// A new site whose commander finds the shipped defaults right: the first save may keep them all, and is recorded
/// as the review the set-up checklist waits for; later, an empty change is refused, as it would record nothing.
/// </summary>
public class SettingsReviewTests(CommandCenterApp app) : SignedInTest(Roles.Commander), IClassFixture<CommandCenterApp>
{
    protected override CommandCenterApp Host => app;

    [Fact]
    public async Task TheFirstSaveMayKeepEveryDefaultAndIsAuditedAsTheReviewButALaterEmptyChangeIsA400()
    {
        Assert.Equal(0, await SettingsClient.VersionAsync(Client));

        var reviewed = await SettingsClient.ChangeAsync(Client, 0, []);

        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.Equal(1, (await reviewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var entry = Assert.Single(await AuditRows.WhereAsync(app.ConnectionString, AuditActions.SettingsChanged));
        Assert.Equal(SettingsStore.DefaultsKept, entry.Detail);
        Assert.Equal("00:15:00", SettingsClient.Setting(await SettingsClient.ReadAsync(Client), "Alerts:OfflineAfter:Bracelet").GetProperty("value").GetString());
        var checklist = await Client.GetFromJsonAsync<JsonElement>("/api/v1/site/checklist");
        Assert.Contains(checklist.EnumerateArray(), s => s.GetProperty("step").GetString() == "Settings" && s.GetProperty("done").GetBoolean());

        var empty = await SettingsClient.ChangeAsync(Client, 1, []);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("values", out _));
        Assert.Equal(1, await SettingsClient.VersionAsync(Client));
        Assert.Single(await AuditRows.WhereAsync(app.ConnectionString, AuditActions.SettingsChanged));
    }
}
