using System.Net;
using System.Net.Http.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Wall;

public class WallTests(DemoCountyApp app) : BrowserTest, IClassFixture<DemoCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly WallScreen wall = new(app);

    private Task<IPage> OpenWallAsync(int width, int height) => wall.OpenAsync(Chromium, width, height);

    [Fact]
    public async Task TheWallShowsTheCountyEveryoneOnTheMapAndANewExitWithinASecond()
    {
        var page = await OpenWallAsync(1920, 1080);
        var map = page.Locator("[data-testid=wall-map]");

        Assert.Equal("平邑县", (await page.Locator(".region-label.county").TextContentAsync())?.Trim());
        var markers = int.Parse((await map.GetAttributeAsync("data-markers"))!);
        Assert.True(markers >= 500, $"{markers} markers on the map");
        await Assertions.Expect(page.Locator("[data-testid=connection]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("connected"));

        var device = await county.VisibleDeviceAsync(20);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        // Two fixes beyond the county confirm the exit (one alone is a pending crossing: GPS drift, maybe).
        var now = TimeProvider.System.GetUtcNow();
        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, now.AddSeconds(-1), Fixes.OutsideLatitude, Fixes.OutsideLongitude),
            Fixes.Item(device, now, Fixes.OutsideLatitude, Fixes.OutsideLongitude)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var item = page.Locator("[data-testid=alert-item]", new PageLocatorOptions { HasText = device.SubjectCode });
        // The product's promise: an exit is on the wall within a second of the fix being accepted.
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 1_000 });
        Assert.Contains("越界", await item.TextContentAsync());
        await page.Locator(".alert-pulse").First.WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=camera-tile]")).ToHaveCountAsync(4);
        Assert.Contains("未接入视频平台", await page.Locator("[data-testid=camera-tiles]").TextContentAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-1920x1080.png") });
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWallFitsA4KScreenWithoutScrollbars()
    {
        var page = await OpenWallAsync(3840, 2160);

        var overflow = await page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");
        Assert.False(overflow);
        var titleHeight = await page.EvaluateAsync<double>("() => document.querySelector('.wall-header h1').getBoundingClientRect().height");
        Assert.True(titleHeight > 50, $"the title is {titleHeight} px tall at 4K");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-3840x2160.png") });
    }

    [Fact]
    public async Task TheHeaderSwitchShowsTheWallInEnglish()
    {
        var page = await OpenWallAsync(1920, 1080);

        await page.ClickAsync("[data-testid=switch-to-english]");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=wall-map][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        await Assertions.Expect(page.Locator("[data-testid=alert-feed]")).ToContainTextAsync("Live alerts");
        await Assertions.Expect(page.Locator("[data-testid=people]")).ToContainTextAsync("Under supervision");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-english-1920x1080.png") });
    }

    [Fact]
    public async Task AFenceSavedOnTheDeskIsDrawnOnAnOpenWall()
    {
        var page = await OpenWallAsync(1920, 1080);
        var map = page.Locator("[data-testid=wall-map]");
        var before = int.Parse((await map.GetAttributeAsync("data-fences"))!);
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        const double lat = 35.46, lon = 117.62, half = 0.002;
        double[][] ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]];

        var created = await duty.Client.PostAsJsonAsync("/api/v1/fences/", new
        {
            name = "新开网吧（测试）",
            kind = "Exclusion",
            area = new { type = "Polygon", coordinates = new[] { ring } },
            bufferMeters = 0,
            scope = "AllSubjects",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-fences", (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 1_000 });
    }
}
