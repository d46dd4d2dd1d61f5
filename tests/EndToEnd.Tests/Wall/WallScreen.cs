using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Wall;

/// <summary>The wall as the tests open it: signed in as the wall account, the map drawn.</summary>
public sealed class WallScreen(CommandCenterApp app)
{
    /// <summary>Opens the wall at <paramref name="address"/> (the app, or a relay in front of it) and waits for the map.</summary>
    public async Task<IPage> OpenAsync(Chromium chromium, int width, int height, Uri? address = null)
    {
        address ??= app.BaseAddress;
        var page = await chromium.NewPageAsync(width, height);
        await OpenAsync(page, address, await TestUsers.CreateAsync(app.Services, Roles.Wall));
        return page;
    }

    /// <summary>Signs the page in as <paramref name="wall"/> and opens the wall, for an app that is not in this process.</summary>
    public static async Task OpenAsync(IPage page, Uri address, TestUser wall)
    {
        await BlazorPage.SignInAsync(page, address, wall);
        await WaitForMapAsync(page, address);
    }

    /// <summary>Opens the wall in a page that is signed in already.</summary>
    public static async Task WaitForMapAsync(IPage page, Uri address)
    {
        await BlazorPage.OpenAsync(page, address);
        await page.Locator("[data-testid=wall-map][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }
}
