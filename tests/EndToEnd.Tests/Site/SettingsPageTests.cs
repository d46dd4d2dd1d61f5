using CommandCenter.AlertLog;
using CommandCenter.Alerts.Tracking;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Site;

public class SettingsPageTests(CommandCenterApp app) : BrowserTest, IClassFixture<CommandCenterApp>
{
    private AlertOptions Alerts => app.Services.GetRequiredService<IOptionsMonitor<AlertOptions>>().CurrentValue;

    private static ILocator Field(IPage page, string key) => page.Locator($"[data-testid='setting-{key}']");

    [Fact]
    public async Task ACommanderShortensAnOfflineThresholdOnThePageAndItIsInForceAtOnceAfterABadValueWasRefused()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/settings"));
        await Assertions.Expect(page.Locator("[data-testid=settings-page][data-ready=true]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-settings-1920x1080.png"), FullPage = true });

        await Field(page, "Alerts:ConfirmationFixes").FillAsync("0");
        await page.Locator("[data-testid=settings-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=settings-refusal]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-settings-refused-1920x1080.png") });
        Assert.Equal(2, Alerts.ConfirmationFixes);

        await Field(page, "Alerts:ConfirmationFixes").FillAsync("3");
        await Field(page, "Alerts:OfflineAfter:Bracelet").FillAsync("00:05:00");
        await page.Locator("[data-testid=settings-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=settings-page][data-version='1']")).ToBeVisibleAsync();

        Assert.Equal(3, Alerts.ConfirmationFixes);
        Assert.Equal(TimeSpan.FromMinutes(5), Alerts.OfflineAfter[TrackerKind.Bracelet]);

        await page.Locator("[data-testid='reset-Alerts:OfflineAfter:Bracelet']").ClickAsync();
        await page.Locator("[data-testid=settings-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=settings-page][data-version='2']")).ToBeVisibleAsync();
        Assert.Equal(TimeSpan.FromMinutes(15), Alerts.OfflineAfter[TrackerKind.Bracelet]);

        await page.GotoAsync(new Uri(app.BaseAddress, "/culture?name=en&returnUrl=/site/settings").ToString());
        await Assertions.Expect(page.Locator("[data-testid=settings-page][data-ready=true]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-settings-en-1920x1080.png"), FullPage = true });
    }
}
