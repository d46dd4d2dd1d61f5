using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Site;

/// <summary>A site started empty (demo off), as deploy/ runs it: the commander's first step, the county.</summary>
public class EmptySiteTests(CommandCenterApp app) : BrowserTest, IClassFixture<CommandCenterApp>
{
    [Fact]
    public async Task ACommanderOnAnEmptySitePicksPingyiAndTheChecklistAndTheWallFollow()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));

        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/"));
        await Assertions.Expect(page.Locator("[data-testid=wall-not-set-up]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-not-set-up-1920x1080.png") });

        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/desk"));
        await Assertions.Expect(page.Locator("[data-testid=site-setup-notice]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=site-setup-notice] li[data-done=false]")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=notice-step-Squads] a")).ToHaveAttributeAsync("href", "/site/squads");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("desk-site-not-set-up-1920x1080.png") });
        await page.Locator("[data-testid=nav-site]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/site", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=step-County]")).ToHaveAttributeAsync("data-done", "false", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-checklist-empty-1920x1080.png") });

        await page.Locator("[data-testid=step-link-County]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/site/county", StringComparison.Ordinal));
        await page.Locator("[data-testid=county-page-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.Locator("[data-testid=county-search]").FillAsync("平邑县");
        await page.Locator("[data-testid=county-search-button]").ClickAsync();

        // The first search of a process may have to read every shipped file before it answers.
        await page.Locator("[data-testid=county-result-371326]").ClickAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=county-preview-map]")).ToHaveAttributeAsync("data-shown", "/api/v1/site/counties/371326", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=county-preview-map]")).ToContainTextAsync("平邑县", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-county-preview-1920x1080.png") });
        await page.Locator("[data-testid=county-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=current-county]")).ToContainTextAsync("371326", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-county-1920x1080.png") });

        // The header still names the placeholder brigade: the page offers the county's name, and the header follows.
        await page.Locator("[data-testid=brigade-rename-button]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-appbar")).ToContainTextAsync("平邑县社区矫正大队", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=brigade-rename]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        await page.Locator("[data-testid=back-to-site]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/site", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=step-County]")).ToHaveAttributeAsync("data-done", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=step-Squads]")).ToHaveAttributeAsync("data-done", "false", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-checklist-county-1920x1080.png") });

        // The desk's checklist ticks the county too.
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/desk"));
        await Assertions.Expect(page.Locator("[data-testid=notice-step-County]")).ToHaveAttributeAsync("data-done", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=notice-step-Squads]")).ToHaveAttributeAsync("data-done", "false");

        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/"));
        await Assertions.Expect(page.Locator("[data-testid=wall-not-set-up]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=wall-map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=wall-map]")).ToContainTextAsync("平邑县", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-county-chosen-1920x1080.png") });
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
