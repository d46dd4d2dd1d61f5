using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Browser;

/// <summary>Opening a Blazor Server page the way a person would: only once its circuit is up does a click count.</summary>
public static class BlazorPage
{
    public static async Task OpenAsync(IPage page, Uri address)
    {
        await page.GotoAsync(address.ToString());
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }
}
