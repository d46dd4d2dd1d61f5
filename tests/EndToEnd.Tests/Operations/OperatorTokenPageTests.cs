using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Operations;

/// <summary>The commander hands the site's Prometheus a token of its own on the tokens page, and finds the API reference there.</summary>
public class OperatorTokenPageTests(CommandCenterApp app) : BrowserTest, IClassFixture<CommandCenterApp>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ACommanderCreatesAMonitoringTokenAndOpensTheApiReferenceFromTheTokensPage(float pixelRatio)
    {
        var page = await Chromium.NewPageAsync(1920, 1080, pixelRatio);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/tokens"));

        await page.Locator("[data-testid=token-name]").FillAsync("Prometheus 监控");
        await page.GetByTestId("token-role").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "运维监控（指标采集）" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.GetByTestId("token-create").ClickAsync();

        Assert.StartsWith("cct_", (await page.GetByTestId("token-secret").InnerTextAsync()).Trim());
        await Assertions.Expect(page.Locator("[data-testid=tokens] tbody tr").Last).ToContainTextAsync("运维监控（指标采集）");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"site-tokens-operator-{(int)(1920 * pixelRatio)}x{(int)(1080 * pixelRatio)}.png") });

        var reference = await page.Context.RunAndWaitForPageAsync(() => page.GetByTestId("api-reference").ClickAsync());
        // Scalar's bundle is a few megabytes of script to parse: a loaded machine takes longer than the default to draw its sidebar.
        await Assertions.Expect(reference.GetByRole(AriaRole.Link, new() { Name = "Ingest", Exact = true })).ToBeVisibleAsync(new() { Timeout = 45_000 });
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
