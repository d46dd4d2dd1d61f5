using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Devices;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Network;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CommandCenter.EndToEnd.Tests.Wall;

/// <summary>The wall staying true while the hall works: network cuts, the chime, squads sent out, today's counts.</summary>
public class WallLiveTests(DemoCountyApp app, ITestOutputHelper output) : BrowserTest, IClassFixture<DemoCountyApp>
{
    private static readonly TimeSpan CutLength = TimeSpan.FromSeconds(30);

    private readonly WallScreen wall = new(app);
    private readonly ViolatingFixes fixes = new(app.BaseAddress, app.ConnectionString);
    private readonly CountyRecords county = new(app.ConnectionString);

    private static ILocator Map(IPage page) => page.Locator("[data-testid=wall-map]");

    private static ILocator FeedItem(IPage page, long alertId) => page.Locator($"[data-testid=alert-item][data-alert-id='{alertId}']");

    /// <summary>Waits until the map lists the alert among its open ones.</summary>
    private static Task MapListsAsync(IPage page, long alertId, float timeout = 10_000) => page.WaitForFunctionAsync(
        "id => (document.querySelector('[data-testid=wall-map]').dataset.alerts ?? '').split(',').includes(String(id))",
        alertId, new PageWaitForFunctionOptions { Timeout = timeout });

    [Fact]
    public async Task AWallCutOffForThirtySecondsShowsEveryAlertRaisedMeanwhileOnceAndChimesOnce()
    {
        await using var relay = CuttableRelay.Start(app.BaseAddress);
        var page = await wall.OpenAsync(Chromium, 1920, 1080, relay.Address);
        await Assertions.Expect(Map(page)).ToHaveAttributeAsync("data-connection", "connected");
        var chimesBefore = int.Parse((await Map(page).GetAttributeAsync("data-chimes"))!);

        relay.Cut();
        var cut = Stopwatch.StartNew();
        // The cut is real: the wall notices that its hub connection is gone.
        await Assertions.Expect(Map(page)).Not.ToHaveAttributeAsync("data-connection", "connected");
        var raised = new List<(TestDevice Device, long AlertId)>();
        foreach (var index in new[] { 30, 31, 32 })
        {
            raised.Add(await fixes.RaiseExitAsync(index));
        }

        // One of them is acknowledged while the wall is away: the replay brings the change too, in order.
        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(officer.Client, $"/api/v1/alerts/{raised[0].AlertId}/acknowledge", "")).StatusCode);
        Assert.Equal(0, await page.Locator("[data-testid=alert-item]", new PageLocatorOptions { HasText = raised[1].Device.SubjectCode }).CountAsync());

        await Task.Delay(CutLength - cut.Elapsed);
        relay.Restore();

        foreach (var (device, alertId) in raised)
        {
            await Assertions.Expect(FeedItem(page, alertId)).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
            await MapListsAsync(page, alertId, 30_000);
            Assert.Equal(1, await page.Locator($".alert-pulse[data-alert-id='{alertId}']").CountAsync());
            Assert.Contains(device.SubjectCode, await FeedItem(page, alertId).TextContentAsync());
        }

        output.WriteLine($"caught up {cut.Elapsed.TotalSeconds:0.0} s after the cut began");
        await Assertions.Expect(FeedItem(page, raised[0].AlertId)).ToContainTextAsync("已确认");
        var feedIds = await page.Locator("[data-testid=alert-item]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.alertId)");
        Assert.Equal(feedIds.Length, feedIds.Distinct().Count());
        var mapIds = (await Map(page).GetAttributeAsync("data-alerts"))!.Split(',');
        Assert.Equal(mapIds.Length, mapIds.Distinct().Count());
        // Three critical alerts arrived in one replay: one chime, not three.
        await Assertions.Expect(Map(page)).ToHaveAttributeAsync("data-chimes", (chimesBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ACriticalAlertChimesALowBatteryDoesNotAndBothAreCountedForToday()
    {
        var page = await wall.OpenAsync(Chromium, 1920, 1080);
        await Assertions.Expect(Map(page)).ToHaveAttributeAsync("data-sound", "on");
        await Assertions.Expect(page.Locator("[data-testid=sound-hint]")).ToBeHiddenAsync();
        await Assertions.Expect(Map(page)).ToHaveAttributeAsync("data-connection", "connected");
        var chimes = int.Parse((await Map(page).GetAttributeAsync("data-chimes"))!);

        var (_, exit) = await fixes.RaiseExitAsync(40);
        await MapListsAsync(page, exit);
        await Assertions.Expect(Map(page)).ToHaveAttributeAsync("data-chimes", (chimes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var (_, battery) = await fixes.RaiseLowBatteryAsync(41);
        await MapListsAsync(page, battery);
        Assert.Equal((chimes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await Map(page).GetAttributeAsync("data-chimes"));

        var counts = page.Locator("[data-testid=alert-counts-today]");
        await Assertions.Expect(counts.Locator("[data-rule=ZoneExit]")).ToContainTextAsync("越界");
        await Assertions.Expect(counts.Locator("[data-rule=LowBattery]")).ToContainTextAsync(new Regex(@"低电量\s*[1-9]"));
    }

    [Fact]
    public async Task WhileTheBrowserHoldsTheSoundBackTheWallSaysSoUntilItIsClicked()
    {
        var page = await wall.OpenAsync(Chromium, 1920, 1080);

        // Headless Chromium lets audio start without a gesture whatever the policy, so the audio context is made
        // to start suspended, as a desktop browser's autoplay policy would leave it.
        await page.AddInitScriptAsync("""
            window.AudioContext = class extends window.AudioContext {
              constructor(...options) { super(...options); this.suspend(); }
            };
            """);
        await WallScreen.WaitForMapAsync(page, app.BaseAddress);
        var hint = page.Locator("[data-testid=sound-hint]");
        await Assertions.Expect(hint).ToBeVisibleAsync();
        await Assertions.Expect(hint).ToContainTextAsync("点击开启");
        await Assertions.Expect(Map(page)).ToHaveAttributeAsync("data-sound", "off");

        await hint.ClickAsync();

        await Assertions.Expect(hint).ToBeHiddenAsync();
        await Assertions.Expect(Map(page)).ToHaveAttributeAsync("data-sound", "on");
    }

    [Fact]
    public async Task ASquadSentToAnAlertShowsAsDispatchedOnTheWallWithinASecond()
    {
        var page = await wall.OpenAsync(Chromium, 1920, 1080);
        var (_, alertId) = await fixes.RaiseExitAsync(50);
        await Assertions.Expect(FeedItem(page, alertId)).ToHaveCountAsync(1);
        var squadId = await county.ScalarAsync<int>("SELECT squad_id FROM alerts WHERE id = @id", ("id", alertId));
        var squad = page.Locator($"[data-testid=squad][data-squad-id='{squadId}']");
        await Assertions.Expect(page.Locator("[data-testid=squad]")).ToHaveCountAsync(5);
        await Assertions.Expect(squad).ToHaveAttributeAsync("data-status", "Available");
        await Assertions.Expect(squad).ToContainTextAsync(new Regex(@"告警 [1-9]"));

        using var officer = await app.SignInAsync(Roles.DutyOfficer);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(officer.Client, $"/api/v1/alerts/{alertId}/acknowledge", "")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(officer.Client, $"/api/v1/alerts/{alertId}/dispatch", $"{{\"squadId\": {squadId}}}")).StatusCode);
        var dispatched = Stopwatch.StartNew();

        await Assertions.Expect(squad).ToHaveAttributeAsync("data-status", "Dispatched", new LocatorAssertionsToHaveAttributeOptions { Timeout = 1_000 });
        output.WriteLine($"the wall showed the squad dispatched {dispatched.ElapsedMilliseconds} ms after the API answered");
        await Assertions.Expect(squad).ToContainTextAsync("出警中");

        await ScreenshotAsync(page, "wall-live-1920x1080.png");
        var large = await wall.OpenAsync(Chromium, 3840, 2160);
        await Assertions.Expect(large.Locator($"[data-testid=squad][data-squad-id='{squadId}']")).ToHaveAttributeAsync("data-status", "Dispatched");
        await ScreenshotAsync(large, "wall-live-3840x2160.png");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var overflow = await page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");
        Assert.False(overflow, $"{name}: the wall scrolls");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath(name) });
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
}
