using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Wall;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Site;

public class WallChimeSettingTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    [Fact]
    public async Task AWallThatIsOpenTakesTheChangedChimeSettingsWithoutReloading()
    {
        var page = await new WallScreen(app).OpenAsync(Chromium, 1920, 1080);
        var map = page.Locator("[data-testid=wall-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-chime-enabled", "true");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-chime-volume", "50");
        await page.EvaluateAsync("() => window.openedOnce = true");

        using var commander = await app.SignInAsync(Roles.Commander);
        var version = (await commander.Client.GetFromJsonAsync<JsonElement>("/api/v1/site/settings")).GetProperty("version").GetInt32();
        var changed = await commander.Client.PutAsJsonAsync("/api/v1/site/settings", new
        {
            version,
            values = new Dictionary<string, string> { ["Wall:Chime:Enabled"] = "false", ["Wall:Chime:Volume"] = "30" },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        await Assertions.Expect(map).ToHaveAttributeAsync("data-chime-enabled", "false");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-chime-volume", "30");
        Assert.True(await page.EvaluateAsync<bool>("() => window.openedOnce === true"), "the wall reloaded to take the change");
    }
}
