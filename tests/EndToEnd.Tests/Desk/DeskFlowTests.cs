using System.Diagnostics;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Devices;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CommandCenter.EndToEnd.Tests.Desk;

/// <summary>
/// The hall's whole loop in two browsers: a device reports a subject beyond the county, the wall shows the
/// alert, the duty officer opens it on the desk, sends a squad, reports it on scene and closes it; the wall
/// follows every step.
/// </summary>
public class DeskFlowTests(DemoCountyApp app, ITestOutputHelper output) : BrowserTest, IClassFixture<DemoCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<IPage> OpenAsync(string role, string path, float pixelRatio = 1)
    {
        var page = await Chromium.NewPageAsync(1920, 1080, pixelRatio);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, role));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, path));
        return page;
    }

    private async Task<TestDevice> LeaveTheCountyAsync(int index) =>
        (await new ViolatingFixes(app.BaseAddress, app.ConnectionString).RaiseExitAsync(index)).Device;

    [Fact]
    public async Task AnExitIsSeenOnTheWallOpenedOnTheDeskDispatchedAndClosed()
    {
        var wall = await OpenAsync(Roles.Wall, "/");
        await wall.Locator("[data-testid=wall-map][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var desk = await OpenAsync(Roles.DutyOfficer, "/desk");

        var posted = Stopwatch.StartNew();
        var device = await LeaveTheCountyAsync(31);
        var onWall = wall.Locator("[data-testid=alert-item]", new PageLocatorOptions { HasText = device.SubjectCode });
        await Assertions.Expect(onWall).ToBeVisibleAsync(new() { Timeout = 1_000 });
        output.WriteLine($"alert on the wall {posted.ElapsedMilliseconds} ms after the fixes were posted");

        // The desk's queue got it live; a click opens it.
        var queued = desk.Locator("[data-testid=queue-item]", new PageLocatorOptions { HasText = device.SubjectCode });
        await queued.ClickAsync();
        var alertId = await queued.GetAttributeAsync("data-alert-id");
        var opened = desk.Locator($"[data-testid=alert-case][data-alert-id='{alertId}']");
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Raised");
        await Assertions.Expect(desk.Locator("[data-testid=case-map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 15_000 });
        Assert.True(int.Parse((await desk.Locator("[data-testid=case-map]").GetAttributeAsync("data-track"))!) >= 2);
        await Assertions.Expect(desk.Locator("[data-testid=subject-card] [data-testid=card-name]")).ToContainTextAsync("*");
        await Assertions.Expect(desk.Locator("[data-testid=suggested-squad]")).ToHaveCountAsync(5);
        await Assertions.Expect(desk.Locator("[data-testid=timeline-step]")).ToHaveCountAsync(1);
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("desk-1920x1080.png") });

        // The keyboard: A acknowledges, D sends the first suggested squad.
        await desk.Keyboard.PressAsync("a");
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Acknowledged");
        var squad = await desk.Locator("[data-testid=suggested-squad]").First.GetAttributeAsync("data-squad-id");
        await desk.Keyboard.PressAsync("d");
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Dispatched");
        await Assertions.Expect(onWall).ToContainTextAsync("已派警", new() { Timeout = 1_000 });
        await Assertions.Expect(wall.Locator($"[data-testid=squad][data-squad-id='{squad}']")).ToHaveAttributeAsync("data-status", "Dispatched", new() { Timeout = 1_000 });

        await desk.Locator("[data-testid=action-on-scene]").ClickAsync();
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "OnScene");
        await desk.Keyboard.PressAsync("r");
        await desk.Locator("[data-testid=resolve-confirm]").ClickAsync();
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Resolved");

        await Assertions.Expect(onWall).ToHaveCountAsync(0, new() { Timeout = 1_000 });
        await Assertions.Expect(queued).ToHaveCountAsync(0);
        await Assertions.Expect(desk.Locator("[data-testid=timeline-step]")).ToHaveCountAsync(5);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM alerts WHERE id = @id AND state = 'Resolved' AND disposition IS NOT NULL", ("id", long.Parse(alertId!))));
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnA4KDeskMonitorAnAlertIsDismissedOnlyWithAReason()
    {
        var device = await LeaveTheCountyAsync(32);
        // A 4K desk monitor, scaled by its operating system to 200 %: the screenshot is 3840×2160 pixels.
        var desk = await OpenAsync(Roles.DutyOfficer, "/desk", pixelRatio: 2);
        var queued = desk.Locator("[data-testid=queue-item]", new PageLocatorOptions { HasText = device.SubjectCode });
        await queued.ClickAsync(new LocatorClickOptions { Timeout = 15_000 });
        var alertId = long.Parse((await queued.GetAttributeAsync("data-alert-id"))!);
        await Assertions.Expect(desk.Locator("[data-testid=case-map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 15_000 });
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("desk-3840x2160.png") });

        await desk.Keyboard.PressAsync("x");
        await desk.Locator("[data-testid=dismiss-confirm]").ClickAsync();
        await Assertions.Expect(desk.Locator("[data-testid=dismiss-form]")).ToContainTextAsync("请填写排除理由");
        await desk.Locator("[data-testid=dismiss-reason]").FillAsync("设备厂商确认为基站漂移");
        await desk.Locator("[data-testid=dismiss-confirm]").ClickAsync();

        await Assertions.Expect(desk.Locator("[data-testid=alert-case]")).ToHaveAttributeAsync("data-state", "Dismissed");
        await Assertions.Expect(queued).ToHaveCountAsync(0);
        Assert.Equal("设备厂商确认为基站漂移", await county.ScalarAsync<string>(
            "SELECT note FROM alert_events WHERE alert_id = @id AND kind = 'Dismissed'", ("id", alertId)));
    }

    [Fact]
    public async Task ASquadLeadersDeskHoldsOnlyTheirSquadsAlertsAndOffersOnlyTheirSquad()
    {
        var ours = await LeaveTheCountyAsync(33);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @id", ("id", ours.SubjectId));
        var theirs = await county.ScalarAsync<string>(
            "SELECT s.code FROM subjects s JOIN devices d ON d.subject_id = s.id WHERE s.squad_id <> @squad ORDER BY s.id LIMIT 1", ("squad", squad));
        await county.ScalarAsync<long>("""
            INSERT INTO alerts (subject_id, rule, severity, state, squad_id, raised_at, condition_cleared)
            SELECT id, 'Tamper', 'Critical', 'Raised', squad_id, now(), false FROM subjects WHERE code = @code RETURNING id
            """, ("code", theirs));
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, squad));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/desk"));

        var queued = page.Locator("[data-testid=queue-item]", new PageLocatorOptions { HasText = ours.SubjectCode });
        await queued.ClickAsync(new LocatorClickOptions { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=suggested-squad]")).ToHaveCountAsync(1);
        Assert.Equal(squad.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("[data-testid=suggested-squad]").GetAttributeAsync("data-squad-id"));
        await Assertions.Expect(page.Locator("[data-testid=queue-item]", new PageLocatorOptions { HasText = theirs })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=filter-squad]")).ToHaveCountAsync(0);
    }
}
