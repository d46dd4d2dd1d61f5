using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.TestSupport.Browser;

/// <summary>Opening a Blazor Server page the way a person would: only once its circuit is up does a click count.</summary>
public static class BlazorPage
{
    /// <summary>Signs in through the sign-in page, answering the second-factor page when the role has one.</summary>
    public static async Task SignInAsync(IPage page, Uri address, TestUser user)
    {
        await page.GotoAsync(new Uri(address, "/login").ToString());
        await page.FillAsync("[data-testid=user-name]", user.UserName);
        await page.FillAsync("[data-testid=password]", user.Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.EndsWith("/login", StringComparison.Ordinal));
        if (page.Url.Contains("/login/second-factor") || page.Url.Contains("/login/enroll"))
        {
            await page.FillAsync("[data-testid=code]", await FormSignIn.FreshCodeForAsync(user.AuthenticatorKey!));
            await page.ClickAsync("[data-testid=verify]");
            await page.WaitForURLAsync(url => !url.Contains("/login"));
        }
    }

    public static async Task OpenAsync(IPage page, Uri address)
    {
        await page.GotoAsync(address.ToString());
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }
}
