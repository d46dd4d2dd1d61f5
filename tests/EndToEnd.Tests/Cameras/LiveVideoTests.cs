using System.Net;
using System.Net.Http.Json;
using CommandCenter.Cameras;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Wall;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Security;
using CommandCenter.TestSupport.Video;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Cameras;

/// <summary>
/// Real ffmpeg streams on a loopback platform, real Chromium: the wall's tiles show refreshing snapshots, the
/// desk's player plays the HLS stream, and a stream that stops shows "no signal" within the probe interval (1 s).
/// </summary>
public class LiveVideoTests(LiveVideoApp app) : BrowserTest, IClassFixture<LiveVideoApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);
    private readonly WallScreen wall = new(app);

    [Fact]
    public async Task AWallTileShowsASnapshotThatRefreshes()
    {
        var page = await WallWithLiveCamerasAsync("tile", 1, 1920, 1080);
        var tile = page.Locator("[data-testid=camera-tile][data-state=Live]", new PageLocatorOptions { HasText = "直播测试tile-1" });
        var snapshot = tile.Locator("[data-testid=camera-snapshot]");
        await Assertions.Expect(snapshot).ToBeVisibleAsync(new() { Timeout = 10_000 });

        var first = await LoadedSnapshotAsync(snapshot);
        await Assertions.Expect(snapshot).Not.ToHaveAttributeAsync("src", first, new() { Timeout = 5_000 });
        var second = await LoadedSnapshotAsync(snapshot);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-live-tiles-1920x1080.png") });
    }

    [Fact]
    public async Task TheWallShowsLiveTilesAt4K()
    {
        var page = await WallWithLiveCamerasAsync("uhd", 2, 3840, 2160);
        await Assertions.Expect(page.Locator("[data-testid=camera-tile][data-state=Live] [data-testid=camera-snapshot]")).ToHaveCountAsync(3, new() { Timeout = 10_000 });

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");

        Assert.False(overflow);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-live-tiles-3840x2160.png") });
    }

    [Fact]
    public async Task AStreamThatStopsTurnsItsTileToNoSignalWithinTheProbeInterval()
    {
        var page = await WallWithLiveCamerasAsync("stop", 3, 1920, 1080);
        var tile = page.Locator("[data-testid=camera-tile]", new PageLocatorOptions { HasText = "直播测试stop-2" });
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 10_000 });

        await app.Streams.StopAsync("stop-2");

        // One probe interval (1 s), the probe's own timeout on a refused connection (immediate) and a render.
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-state", "NoSignal", new() { Timeout = 3_000 });
        await Assertions.Expect(tile.Locator("[data-testid=camera-no-signal]")).ToContainTextAsync("无信号（自");
        var others = page.Locator("[data-testid=camera-tile][data-state=Live]", new PageLocatorOptions { HasText = "直播测试stop-1" });
        await Assertions.Expect(others).ToHaveCountAsync(1);

        // The camera page reads the same measurement: the same state, lost at the same moment.
        var said = (await tile.Locator("[data-testid=camera-no-signal]").TextContentAsync())!.Trim();
        var cameraPage = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(cameraPage, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(cameraPage, new Uri(app.BaseAddress, $"/cameras/{await CameraIdAsync("CAM-stop-2")}/live"));
        await Assertions.Expect(cameraPage.Locator("[data-testid=camera-state]")).ToHaveAttributeAsync("data-state", "NoSignal");
        await Assertions.Expect(cameraPage.Locator("[data-testid=no-signal]")).ToHaveTextAsync(said);
        await Assertions.Expect(cameraPage.Locator("[data-testid=camera-player]")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("wall-tile-no-signal-1920x1080.png") });
        await cameraPage.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("camera-page-no-signal-1920x1080.png") });
    }

    private async Task<int> CameraIdAsync(string code)
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        return (await duty.Client.GetFromJsonAsync<List<CameraView>>("/api/v1/cameras/"))!.Single(c => c.Code == code).Id;
    }

    [Fact]
    public async Task TheDeskPlaysALiveStreamWhoseTimeAdvances()
    {
        await app.Streams.StartAsync("desk");
        var id = await AddCameraAsync("CAM-DESK", "直播测试desk", "desk", 35.52, 117.61);
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/cameras/{id}/live"));
        var player = page.Locator("[data-testid=camera-player]");
        await Assertions.Expect(page.Locator("[data-testid=camera-state]")).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 10_000 });

        // A loaded machine encodes and decodes the test card slowly at first: the first half second may take a while.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=camera-player]').currentTime > 0.5", null, new() { Timeout = 45_000 });
        var before = await player.EvaluateAsync<double>("v => v.currentTime");
        await Task.Delay(3_000);
        var after = await player.EvaluateAsync<double>("v => v.currentTime");

        Assert.True(after - before > 1.5, $"the player went from {before} s to {after} s in 3 s");
        Assert.False(await player.EvaluateAsync<bool>("v => v.paused"));
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("desk-camera-live-1920x1080.png") });

        // A squad leader opens the same page on a phone.
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth");
        Assert.False(overflow);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("desk-camera-live-390x844.png") });
    }

    /// <summary>
    /// Three cameras at a place just over the county border, two with live test cards and one without links; a
    /// subject's exit there puts them on the wall's tiles.
    /// </summary>
    private async Task<IPage> WallWithLiveCamerasAsync(string name, int index, int width, int height)
    {
        var offset = index * 0.01;
        var (lat, lon) = (Fixes.OutsideLatitude + offset, Fixes.OutsideLongitude - offset);
        await app.Streams.StartAsync(name + "-1");
        await app.Streams.StartAsync(name + "-2");
        await AddCameraAsync($"CAM-{name}-1", $"直播测试{name}-1", name + "-1", lat, lon);
        await AddCameraAsync($"CAM-{name}-2", $"直播测试{name}-2", name + "-2", lat + 0.001, lon);
        await AddCameraAsync($"CAM-{name}-3", $"未接入{name}-3", null, lat, lon + 0.001);
        await AddCameraAsync($"CAM-{name}-4", $"直播测试{name}-4", name + "-1", lat - 0.001, lon);

        var page = await wall.OpenAsync(Chromium, width, height);
        var device = await county.VisibleDeviceAsync(index + 3);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var now = TimeProvider.System.GetUtcNow();
        var response = await client.PostAsJsonAsync("/api/v1/positions", Fixes.Batch(
            Fixes.Item(device, now.AddSeconds(-1), lat, lon),
            Fixes.Item(device, now, lat, lon)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Assertions.Expect(page.Locator("[data-testid=camera-tiles]")).ToContainTextAsync(device.SubjectCode, new() { Timeout = 10_000 });
        return page;
    }

    private async Task<int> AddCameraAsync(string code, string cameraName, string? stream, double lat, double lon)
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var response = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new
        {
            code,
            name = cameraName,
            latitude = lat,
            longitude = lon,
            streamUrl = stream is null ? null : app.Streams.StreamUrl(stream),
            snapshotUrl = stream is null ? null : app.Streams.SnapshotUrl(stream),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await CameraIdAsync(code);
    }

    /// <summary>Waits until the picture has loaded and returns the address it was loaded from.</summary>
    private static async Task<string> LoadedSnapshotAsync(ILocator snapshot)
    {
        await snapshot.EvaluateAsync("img => img.complete && img.naturalWidth > 0 ? null : new Promise((resolve, reject) => { img.onload = resolve; img.onerror = reject; })");
        Assert.True(await snapshot.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        return (await snapshot.GetAttributeAsync("src"))!;
    }
}
