using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.Site.County;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Site;

/// <summary>A county changed while walls are open: the walls follow without anyone touching them.</summary>
public class CountyChangeTests(CommandCenterApp app) : BrowserTest, IClassFixture<CommandCenterApp>
{
    [Fact]
    public async Task AnOpenWallDrawsTheNewCountyWhenTheCommanderChangesIt()
    {
        var store = app.Services.GetRequiredService<CountyStore>();
        var current = await store.CurrentAsync(CancellationToken.None);
        if (current?.Code != "371326")
        {
            await ChooseAsync(store, "371326", current?.Code);
        }

        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/"));
        await Assertions.Expect(page.Locator("[data-testid=wall-map]")).ToHaveAttributeAsync("data-connection", "connected", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".region-label.county")).ToHaveTextAsync("平邑县");

        // 费县, Pingyi's neighbour to the east: the wall nobody touches reloads itself and draws it as the county.
        await ChooseAsync(store, "371325", "371326");

        await Assertions.Expect(page.Locator(".region-label.county")).ToHaveTextAsync("费县", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=wall-map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-county-changed-1920x1080.png") });
    }

    private static async Task ChooseAsync(CountyStore store, string code, string? expected)
    {
        var result = await store.ChooseShippedAsync(code, expected ?? string.Empty, "test", CancellationToken.None);
        Assert.True(result.Succeeded, result.Message);
    }
}
