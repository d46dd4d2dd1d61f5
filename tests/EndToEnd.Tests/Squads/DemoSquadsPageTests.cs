using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Squads;

/// <summary>The squads the demo seeder made are the commander's to change like any other.</summary>
public class DemoSquadsPageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    [Fact]
    public async Task TheSeededSquadsAreListedAndDrawnAndTheCountyIsCoveredInEnglishToo()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/squads"));

        await Assertions.Expect(page.Locator("[data-testid=squad-map]")).ToHaveAttributeAsync("data-squads", "5", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=squad-list] tbody tr")).ToHaveCountAsync(5);
        await page.Locator("[data-testid=squad-list] tbody tr").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=squad-map]")).ToHaveAttributeAsync("data-drawn", "1");
        await Assertions.Expect(page.Locator("[data-testid=squad-base]")).ToContainTextAsync("35.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-squads-demo-1920x1080.png") });

        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/culture?name=en&returnUrl=%2Fsite%2Fsquads"));
        await Assertions.Expect(page.Locator("[data-testid=squad-map]")).ToHaveAttributeAsync("data-squads", "5", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=squad-coverage]")).ToContainTextAsync("is covered by the squads' areas");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-squads-en-1920x1080.png") });
        Assert.Empty(Chromium.ConsoleErrors);
    }
}
