using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Accounts;

public class OwnAuthenticatorPageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(390, 844)]
    public async Task ADutyOfficerEnrolsAnAuthenticatorFromTheHeaderWithThePasswordAndACode(int width, int height)
    {
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var page = await Chromium.NewPageAsync(width, height);
        await BlazorPage.SignInAsync(page, app.BaseAddress, officer);
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/desk"));

        if (width >= 1280)
        {
            await page.ClickAsync("[data-testid=own-second-factor]");
        }
        else
        {
            // A phone's header does not fit every link; the page it leads to is the same.
            await page.GotoAsync(new Uri(app.BaseAddress, "/account/second-factor").ToString());
        }

        await page.FillAsync("[data-testid=password]", officer.Password);
        await page.ClickAsync("[data-testid=continue]");
        var key = page.Locator("[data-testid=authenticator-key]");
        await key.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"own-authenticator-{width}x{height}.png"), FullPage = true });

        await page.FillAsync("[data-testid=code]", FormSignIn.CodeFor((await key.InnerTextAsync()).Replace(" ", string.Empty)));
        await page.ClickAsync("[data-testid=verify]");

        await page.Locator("[data-testid=enrolled]").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Equal(0, await page.Locator("[data-testid=authenticator-key]").CountAsync());
    }
}
