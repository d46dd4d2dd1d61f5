using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Headers;

/// <summary>
/// The content security policy names the UI library's style elements by hash: the wall, the desk and the
/// fences page paint without a single violation, and a style element injected into the page is refused.
/// </summary>
public class ContentSecurityPolicyTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    /// <summary>Collects every violation the page reports, from its first script on.</summary>
    private const string ListenForViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
        """;

    public static TheoryData<string, string, string> Screens => new()
    {
        { Roles.Wall, "/", "[data-testid=wall-map][data-ready=true]" },
        { Roles.DutyOfficer, "/desk", "[data-testid=desk]" },
        { Roles.DutyOfficer, "/fences", "[data-testid=fence-map][data-fences]" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task TheScreenPaintsWithoutAPolicyViolation(string role, string path, string ready)
    {
        var page = await OpenAsync(role, path, ready);

        await page.WaitForTimeoutAsync(1000);

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__violations"));
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>(
            "() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim() || 'rgba(0, 0, 0, 0)'"));
    }

    [Fact]
    public async Task AStyleElementInjectedIntoThePageIsRefused()
    {
        var page = await OpenAsync(Roles.DutyOfficer, "/desk", "[data-testid=desk]");

        var background = await page.EvaluateAsync<string>("""
            () => {
              const style = document.createElement('style');
              style.textContent = 'body { background-color: rgb(1, 2, 3) !important; }';
              document.head.append(style);
              return getComputedStyle(document.body).backgroundColor;
            }
            """);

        Assert.NotEqual("rgb(1, 2, 3)", background);
        Assert.Contains(await page.EvaluateAsync<string[]>("() => window.__violations"), v => v.StartsWith("style-src-elem", StringComparison.Ordinal));
    }

    private async Task<IPage> OpenAsync(string role, string path, string ready)
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await page.AddInitScriptAsync(ListenForViolations);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, role));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, path));
        await page.Locator(ready).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"csp{path.Replace('/', '-').TrimEnd('-')}-1920x1080.png") });
        return page;
    }
}
