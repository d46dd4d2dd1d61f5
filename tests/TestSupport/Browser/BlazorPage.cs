using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.TestSupport.Browser;

/// <summary>Opening a Blazor Server page the way a person would: only once its circuit is up does a click count.</summary>
public static class BlazorPage
{
    /// <summary>
    /// Signs in through the sign-in page, answering the second-factor page when the role has one. An account that
    /// has no authenticator yet enrols the one the enrolment page shows, as a person scanning it would; its key
    /// is returned (null when nothing was enrolled), for the account's later sign-ins.
    /// </summary>
    public static async Task<string?> SignInAsync(IPage page, Uri address, TestUser user)
    {
        await page.GotoAsync(new Uri(address, "/login").ToString());
        await page.FillAsync("[data-testid=user-name]", user.UserName);
        await page.FillAsync("[data-testid=password]", user.Password);
        await page.ClickAsync("[data-testid=sign-in]");

        // The password's hash is slow on purpose; on a machine busy with other apps' simulators it can take long.
        await page.WaitForURLAsync(url => !url.EndsWith("/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        if (page.Url.Contains("/login/enroll"))
        {
            var shown = await ShownAuthenticatorKeyAsync(page);
            await AnswerSecondFactorAsync(page, shown);
            return shown;
        }

        if (page.Url.Contains("/login/second-factor"))
        {
            await AnswerSecondFactorAsync(page, user.AuthenticatorKey ?? throw new InvalidOperationException($"{user.UserName} needs a second factor but has no key."));
        }

        return null;
    }

    /// <summary>
    /// The first sign-in of an account whose password a commander set: the page asks for the person's own password
    /// before any session exists, and goes on to where the sign-in was headed.
    /// </summary>
    public static async Task SignInWithInitialPasswordAsync(IPage page, Uri address, string userName, string initialPassword, string ownPassword)
    {
        await page.GotoAsync(new Uri(address, "/login").ToString());
        await page.FillAsync("[data-testid=user-name]", userName);
        await page.FillAsync("[data-testid=password]", initialPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => url.Contains("/account/password"));
        await page.FillAsync("[data-testid=new-password]", ownPassword);
        await page.FillAsync("[data-testid=repeat-password]", ownPassword);
        await page.ClickAsync("[data-testid=change-password]");
        await page.WaitForURLAsync(url => !url.Contains("/account/password") && !url.Contains("/login"));
    }

    public static async Task OpenAsync(IPage page, Uri address)
    {
        await page.GotoAsync(address.ToString());
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    /// <summary>The authenticator key the enrolment page shows, without the spaces it is grouped by.</summary>
    private static async Task<string> ShownAuthenticatorKeyAsync(IPage page) =>
        string.Concat((await page.Locator("[data-testid=authenticator-key]").InnerTextAsync()).Where(c => !char.IsWhiteSpace(c)));

    private static async Task AnswerSecondFactorAsync(IPage page, string key)
    {
        await page.FillAsync("[data-testid=code]", await FormSignIn.FreshCodeForAsync(key));
        await page.ClickAsync("[data-testid=verify]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
    }
}
