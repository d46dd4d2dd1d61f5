using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.TestSupport.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.DemoView;

public class DemoViewTests(DemoCountyApp app) : BrowserTest, IClassFixture<DemoCountyApp>
{

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task EveryScenePaintsWithoutScrollbarsOrPolicyViolations(int width, int height)
    {
        var page = await Chromium.NewPageAsync(width, height);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DemoGuest));

        foreach (var scene in new[] { "Map", "Figures", "Achievements", "Replay" })
        {
            await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/demo?scene={scene}"));
            await page.Locator($"[data-testid=demo-view][data-scene={scene}]").WaitForAsync();
            if (scene == "Map")
            {
                await page.Locator("[data-testid=demo-map][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
                var cells = int.Parse((await page.Locator("[data-testid=demo-map]").GetAttributeAsync("data-cells"))!);
                Assert.True(cells > 20, $"{cells} grid cells drawn");
            }
            else if (scene == "Figures")
            {
                await Assertions.Expect(page.Locator("[data-testid=demo-figures]")).ToContainTextAsync("在矫人数");
            }
            else if (scene == "Achievements")
            {
                await Assertions.Expect(page.Locator("[data-testid=demo-achievements] [data-testid=kpi-panel]")).ToHaveCountAsync(4);
                Assert.Equal(0, await page.Locator("[data-testid=demo-achievements] [data-testid=export-csv]").CountAsync());
                await page.WaitForTimeoutAsync(1500);
            }

            var overflow = await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");
            Assert.False(overflow, $"{scene} scrolls at {width}x{height}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"demo-{scene.ToLowerInvariant()}-{width}x{height}.png") });
        }

        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSignInPageAndTheAuditLogRenderForAnAuditor()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("login-1920x1080.png") });

        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Auditor));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/audit"));
        await page.Locator("[data-testid=audit-verify]").ClickAsync(new LocatorClickOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=audit-chain]")).ToContainTextAsync("完整");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("audit-1920x1080.png") });
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
