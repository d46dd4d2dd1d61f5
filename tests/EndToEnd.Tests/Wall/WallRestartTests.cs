using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Devices;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
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
}
