using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Live;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Sessions;

public class SessionsPageTests(CommandCenterApp app) : BrowserTest, IClassFixture<CommandCenterApp>
{
    [Fact]
    public async Task ACommanderRevokesADeskSessionAndTheOfficersOpenPageIsSentToSignInAtOnce()
    {
        var officer = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var officerPage = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(officerPage, app.BaseAddress, officer);
        await BlazorPage.OpenAsync(officerPage, new Uri(app.BaseAddress, "/desk"));
        using var wall = await app.SignInAsync(Roles.Wall);
        await using var wallHub = await HubProbe.ConnectAsync(app.BaseAddress, "/hubs/wall", wall.Cookies);

        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/sessions"));
        await Assertions.Expect(page.GetByTestId($"revoke-{officer.UserName}")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("sessions-1920x1080.png") });

        await page.GetByTestId($"revoke-{officer.UserName}").ClickAsync();

        await Assertions.Expect(page.GetByTestId($"revoke-{officer.UserName}")).ToHaveCountAsync(0);
        // The circuit hears of the revocation at once; its minute-long revalidation would be too late.
        await officerPage.WaitForURLAsync(url => url.Contains("/login"), new() { Timeout = 10_000 });
        Assert.False(await wallHub.IsClosedWithinAsync(TimeSpan.FromSeconds(1)), "revoking one session closed another's connection");
    }
}
