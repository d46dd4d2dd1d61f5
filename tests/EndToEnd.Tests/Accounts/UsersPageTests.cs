using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Accounts;

public class UsersPageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    [Fact]
    public async Task ACommanderCreatesTwoAccountsAndTheSquadLeaderMustChooseTheirOwnPasswordBeforeReachingTheDesk()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/users"));

        // The form starts on the duty officer's role; the password is left to the system and shown once.
        await page.Locator("[data-testid=new-user-name]").FillAsync($"duty-{suffix}");
        await page.Locator("[data-testid=new-display-name]").FillAsync("值班员测试甲");
        await page.GetByTestId("user-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"user-duty-{suffix}")).ToBeVisibleAsync();

        await page.Locator("[data-testid=new-user-name]").FillAsync($"leader-{suffix}");
        await page.Locator("[data-testid=new-display-name]").FillAsync("中队长测试乙");
        await page.Locator("[data-testid=new-role]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "中队长" }).ClickAsync();
        await page.Locator("[data-testid=new-squad]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "第二中队" }).ClickAsync();
        await page.GetByTestId("user-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"user-leader-{suffix}")).ToBeVisibleAsync();
        var initial = (await page.GetByTestId("one-time-password").InnerTextAsync()).Trim();
        await Assertions.Expect(page.GetByTestId($"user-leader-{suffix}")).ToContainTextAsync("第二中队");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-users-1920x1080.png") });

        var leader = await Chromium.NewPageAsync(1920, 1080);
        await leader.GotoAsync(new Uri(app.BaseAddress, "/desk").ToString());
        await leader.WaitForURLAsync(url => url.Contains("/login"));
        await leader.FillAsync("[data-testid=user-name]", $"leader-{suffix}");
        await leader.FillAsync("[data-testid=password]", initial);
        await leader.ClickAsync("[data-testid=sign-in]");
        await leader.WaitForURLAsync(url => url.Contains("/account/password"));
        await Assertions.Expect(leader.GetByTestId("current-password")).ToHaveCountAsync(0);
        await leader.FillAsync("[data-testid=new-password]", "Leader-own-pass-2026");
        await leader.FillAsync("[data-testid=repeat-password]", "Leader-own-pass-2026");
        await leader.ClickAsync("[data-testid=change-password]");

        await leader.WaitForURLAsync(url => url.EndsWith("/desk", StringComparison.Ordinal));
        await leader.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(leader.GetByTestId("signed-in-as")).ToHaveTextAsync($"leader-{suffix}");
    }

    [Fact]
    public async Task ACommanderCreatesAnIntegrationTokenSeesItOnceAndRevokesIt()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/tokens"));

        await page.Locator("[data-testid=token-name]").FillAsync("Traccar 转发");
        await page.GetByTestId("token-create").ClickAsync();
        var secret = (await page.GetByTestId("token-secret").InnerTextAsync()).Trim();
        Assert.StartsWith("cct_", secret);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-tokens-1920x1080.png") });

        var revoke = page.Locator("[data-testid^=revoke-token-]").Last;
        await revoke.ClickAsync();
        await Assertions.Expect(page.GetByTestId("token-secret")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=tokens] tbody tr").Last).ToContainTextAsync("撤销");
    }

    [Fact]
    public async Task ThePasswordPageIsLegibleOnTheDeskAndOnAPhone()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.SquadLeader);
        foreach (var (width, height) in new[] { (1920, 1080), (390, 844) })
        {
            var page = await Chromium.NewPageAsync(width, height);
            await BlazorPage.SignInAsync(page, app.BaseAddress, user);
            await page.GotoAsync(new Uri(app.BaseAddress, "/account/password").ToString());
            await Assertions.Expect(page.GetByTestId("current-password")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("change-password")).ToBeInViewportAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"account-password-{width}x{height}.png") });
        }
    }
}
