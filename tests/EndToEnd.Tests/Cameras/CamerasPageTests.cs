using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.TestSupport.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Cameras;

public class CamerasPageTests(DemoCountyApp app) : BrowserTest, IClassFixture<DemoCountyApp>
{

    [Fact]
    public async Task ADutyOfficerPlacesANewCameraByClickingTheMap()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/cameras"));
        await Assertions.Expect(page.Locator("[data-testid=camera-map]")).ToHaveAttributeAsync("data-cameras", "90", new() { Timeout = 30_000 });

        await page.Locator("[data-testid=camera-code]").FillAsync("CAM-E2E");
        await page.Locator("[data-testid=camera-name]").FillAsync("测试新增路口");
        var map = await page.Locator("[data-testid=camera-map]").BoundingBoxAsync();
        await page.Mouse.ClickAsync(map!.X + map.Width / 2, map.Y + map.Height / 2);
        await page.Locator("[data-testid=camera-save]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=camera-map]")).ToHaveAttributeAsync("data-cameras", "91");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("cameras-1920x1080.png") });
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADutyOfficerRetiresACameraAndItLeavesTheMapButStaysInTheList()
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/cameras"));
        var map = page.Locator("[data-testid=camera-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cameras", new System.Text.RegularExpressions.Regex("^[0-9]+$"), new() { Timeout = 30_000 });
        var before = int.Parse((await map.GetAttributeAsync("data-cameras"))!, System.Globalization.CultureInfo.InvariantCulture);

        await page.Locator(".camera-table tbody tr").Last.ClickAsync();
        await page.Locator("[data-testid=camera-retire]").ClickAsync();

        await Assertions.Expect(map).ToHaveAttributeAsync("data-cameras", (before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator(".camera-table tbody tr.retired")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=camera-reinstate]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("cameras-retired-1920x1080.png") });

        // The class shares its county: the camera goes back into service so that the other test counts what it expects.
        await page.Locator("[data-testid=camera-reinstate]").ClickAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cameras", before.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
