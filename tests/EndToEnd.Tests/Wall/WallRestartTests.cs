using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Devices;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Network;
using CommandCenter.TestSupport.Postgis;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Wall;

/// <summary>The app killed and started again under an open wall: nobody is there to press reload.</summary>
public class WallRestartTests(PostgisDatabase database) : BrowserTest, IClassFixture<PostgisDatabase>
{
    private static readonly Dictionary<string, string?> SmallCounty = new()
    {
        ["Demo:Seed"] = "true",
        ["Demo:SubjectCount"] = "60",
        ["Demo:CameraCount"] = "10",
        ["Demo:Curfews"] = "false",
        ["Demo:DeviceKeySecret"] = CommandCenterApp.DeviceKeySecret,
    };

    private const string WallHubNegotiation = "**/hubs/wall/negotiate**";

    [Fact]
    public async Task AfterAServerRestartTheWallReloadsItselfAndShowsAnAlertRaisedSince()
    {
        var app = await AppProcess.StartAsync(database.ConnectionString, SmallCounty);
        try
        {
            var page = await Chromium.NewPageAsync(1920, 1080);
            await WallScreen.OpenAsync(page, app.BaseAddress, await DatabaseUsers.CreateAsync(database.ConnectionString, Roles.Wall));
            await page.EvaluateAsync("() => window.beforeTheRestart = true");

            await app.KillAsync();
            await app.DisposeAsync();
            app = await AppProcess.StartAsync(database.ConnectionString, SmallCounty, port: app.BaseAddress.Port);

            // The old circuit is refused by the new server, so the page loads afresh: the mark set above is gone.
            await page.WaitForFunctionAsync("() => window.beforeTheRestart === undefined", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            await page.Locator("[data-testid=wall-map][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-testid=wall-map]")).ToHaveAttributeAsync("data-connection", "connected");

            var (_, alertId) = await new ViolatingFixes(app.BaseAddress, database.ConnectionString).RaiseExitAsync(3);
            await Assertions.Expect(page.Locator($"[data-testid=alert-item][data-alert-id='{alertId}']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator($".alert-pulse[data-alert-id='{alertId}']")).ToHaveCountAsync(1);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// The restarted server raises a critical alert before the wall is back (the hall's network is down too).
    /// The wall's page reloads, since its old circuit is refused; the alert is in its first picture and must
    /// still chime, as it would have live: the reloaded page asks what it missed from where it stood before.
    /// </summary>
    [Fact]
    public async Task ACriticalAlertRaisedAfterARestartBeforeTheWallIsBackChimesOnTheReloadedWall()
    {
        var app = await AppProcess.StartAsync(database.ConnectionString, SmallCounty);
        var relay = CuttableRelay.Start(app.BaseAddress);
        try
        {
            var page = await Chromium.NewPageAsync(1920, 1080);
            await WallScreen.OpenAsync(page, relay.Address, await DatabaseUsers.CreateAsync(database.ConnectionString, Roles.Wall));
            await Assertions.Expect(page.Locator("[data-testid=wall-map]")).ToHaveAttributeAsync("data-connection", "connected");
            await page.EvaluateAsync("() => window.beforeTheRestart = true");

            // The wall has caught up once since it connected: it knows where it stands in the server's numbering.
            await page.WaitForFunctionAsync("() => sessionStorage.getItem('wall-cursor:county') !== null");

            relay.Cut();
            await app.KillAsync();
            await app.DisposeAsync();
            app = await AppProcess.StartAsync(database.ConnectionString, SmallCounty, port: app.BaseAddress.Port);
            var (_, alertId) = await new ViolatingFixes(app.BaseAddress, database.ConnectionString).RaiseExitAsync(4);

            // The old page's hub could win the race back and chime before the page reloads; held off, it leaves
            // the alert to the reloaded page alone, which is the case to prove.
            await page.RouteAsync(WallHubNegotiation, route => route.AbortAsync());
            relay.Restore();
            await page.WaitForFunctionAsync("() => window.beforeTheRestart === undefined", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            await page.UnrouteAsync(WallHubNegotiation);
            var map = page.Locator("[data-testid=wall-map]");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
            await Assertions.Expect(map).ToHaveAttributeAsync("data-connection", "connected", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator($"[data-testid=alert-item][data-alert-id='{alertId}']")).ToHaveCountAsync(1);
            await Assertions.Expect(map).ToHaveAttributeAsync("data-chimes", "1");
        }
        finally
        {
            await relay.DisposeAsync();
            await app.DisposeAsync();
        }
    }
}
