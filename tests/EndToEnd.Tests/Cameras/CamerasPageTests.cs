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
}
