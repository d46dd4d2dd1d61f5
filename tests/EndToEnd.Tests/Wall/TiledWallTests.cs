using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Wall;

/// <summary>A site with a tile server: the wall draws its tiles under the county, allowed by the content security policy.</summary>
public class TiledWallTests(TiledCountyApp app) : BrowserTest, IClassFixture<TiledCountyApp>
{
    // A 1×1 grey PNG: the browser stretches it over the tile.
    private static readonly byte[] Tile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task TheWallDrawsTheSitesTilesWithTheirCredit()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        var requested = 0;
        await page.Context.RouteAsync(TiledCountyApp.TileOrigin + "/**", async route =>
        {
            Interlocked.Increment(ref requested);
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "image/png", BodyBytes = Tile });
        });

        await WallScreen.OpenAsync(page, app.BaseAddress, await TestSupport.Security.TestUsers.CreateAsync(app.Services, Security.Roles.Wall));

        await Assertions.Expect(page.Locator(".leaflet-tile-loaded").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync(TiledCountyApp.Attribution);
        Assert.True(requested > 0);
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
