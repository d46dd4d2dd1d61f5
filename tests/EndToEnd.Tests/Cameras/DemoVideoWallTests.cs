using System.Net;
using System.Net.Http.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Wall;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Video;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Cameras;

/// <summary>The demo's own ffmpeg test cards, served by the app from its own origin, on the wall's tiles.</summary>
public class DemoVideoWallTests(DemoVideoApp app) : BrowserTest, IClassFixture<DemoVideoApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task TheDemosTestCardsShowOnTheWallUnderTheDefaultContentSecurityPolicy()
    {
        // The cards' cameras stand by banned zones; moved to where the test's exit happens, they are the nearest.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await county.CountAsync("SELECT count(*) FROM cameras WHERE stream_url LIKE '/demo-video/%'") < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the demo linked no cameras within 30 s");
            await Task.Delay(200);
        }

        await county.ExecuteAsync($"""
            UPDATE cameras SET location = ST_SetSRID(ST_MakePoint({Fixes.OutsideLongitude} + id * 0.00001, {Fixes.OutsideLatitude}), 4326)
            WHERE stream_url LIKE '/demo-video/%'
            """);
        var page = await new WallScreen(app).OpenAsync(Chromium, 1920, 1080);
        var device = await county.VisibleDeviceAsync(2);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var now = TimeProvider.System.GetUtcNow();
        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, now.AddSeconds(-1), Fixes.OutsideLatitude, Fixes.OutsideLongitude),
            Fixes.Item(device, now, Fixes.OutsideLatitude, Fixes.OutsideLongitude)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var live = page.Locator("[data-testid=camera-tile][data-state=Live] [data-testid=camera-snapshot]");
        await Assertions.Expect(live).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        Assert.All(await live.EvaluateAllAsync<int[]>("imgs => imgs.map(i => i.naturalWidth)"), width => Assert.True(width > 0));
        await Assertions.Expect(page.Locator("[data-testid=camera-tile][data-state=NotConnected]")).ToHaveCountAsync(2);
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-demo-test-cards-1920x1080.png") });
    }
}
