using System.Globalization;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Subjects;

/// <summary>
/// Who was there (轨迹碰撞) through its page: a centre picked on the map, the window the page offers (yesterday and
/// today in the site's time), a case number. The fixes are stored at the very point the map picked, so the person
/// must be listed whatever the map's zoom; only the seeded person's row is asserted, as the demo county's own
/// people may pass by too.
/// </summary>
public class WhoWasTherePageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ADutyOfficerFindsThePersonWhoseFixesLayAtThePickedCentreAndASquadLeaderOfAnotherSquadDoesNot()
    {
        var device = await county.VisibleDeviceAsync(3);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", device.SubjectId));
        var otherSquad = await county.ScalarAsync<int>("SELECT id FROM squads WHERE id <> @s ORDER BY id LIMIT 1", ("s", squad));
        var duty = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var page = await OpenAsync(duty, 1920, 1080);

        var (lat, lon) = await PickCentreAsync(page);
        await StoreFixesAtAsync(device, lat, lon);
        await SearchAsync(page, "（2026）临公刑侦字第0014号");

        await Assertions.Expect(RowOf(page, device)).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=who-was-there-map]")).Not.ToHaveAttributeAsync("data-found", "0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("who-was-there-found-1920x1080.png") });
        await AssertNothingSpillsAsync(page);
        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE action = 'who-was-there' AND actor = @u AND target = 'case:（2026）临公刑侦字第0014号' AND detail LIKE '%' || @code || '%'",
            ("u", duty.UserName), ("code", device.SubjectCode)));

        // The attacker's way round: a squad leader of another squad, on a phone, searches where the person just was.
        var leader = await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, otherSquad);
        var phone = await OpenAsync(leader, 390, 844);
        var (leaderLat, leaderLon) = await PickCentreAsync(phone);
        await StoreFixesAtAsync(device, leaderLat, leaderLon);
        await SearchAsync(phone, "CASE-OTHER-SQUAD");

        await Assertions.Expect(phone.Locator("[data-testid=who-was-there-results]")).Not.ToContainTextAsync(device.SubjectCode);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("who-was-there-squad-leader-390x844.png"), FullPage = true });
        await AssertNothingSpillsAsync(phone);
        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE action = 'who-was-there' AND actor = @u AND target = 'case:CASE-OTHER-SQUAD' AND detail NOT LIKE '%' || @code || '%'",
            ("u", leader.UserName), ("code", device.SubjectCode)));
    }

    [Fact]
    public async Task AnAreaDrawnOnTheMapFindsThePersonWhoseFixesLayInside()
    {
        var device = await county.VisibleDeviceAsync(4);
        var page = await OpenAsync(await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer), 1920, 1080, pixelRatio: 2);
        var map = page.Locator("[data-testid=who-was-there-map]");

        await page.Locator(".leaflet-pm-toolbar .leaflet-pm-icon-polygon").ClickAsync();
        var box = (await map.BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        foreach (var (dx, dy) in new[] { (-20, -20), (20, -20), (20, 20), (-20, 20), (-20, -20) })
        {
            await page.Mouse.ClickAsync(x + dx, y + dy);
        }

        await Assertions.Expect(map).ToHaveAttributeAsync("data-drawn", "1");
        await Assertions.Expect(page.Locator("[data-testid=who-was-there-place]")).ToContainTextAsync("已绘制区域");
        var (lat, lon) = Parse((await map.GetAttributeAsync("data-centre"))!);
        await StoreFixesAtAsync(device, lat, lon);
        await SearchAsync(page, "CASE-DRAWN-AREA");

        await Assertions.Expect(RowOf(page, device)).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("who-was-there-drawn-3840x2160.png") });
        await AssertNothingSpillsAsync(page);
    }

    [Fact]
    public async Task ASearchWithoutACaseNumberIsRefusedOnThePageAndNothingIsAudited()
    {
        var duty = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var page = await OpenAsync(duty, 1920, 1080);
        await PickCentreAsync(page);

        await page.Locator("[data-testid=who-was-there-search]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=who-was-there-form]")).ToContainTextAsync("须填写案件编号");
        await Assertions.Expect(page.Locator("[data-testid=who-was-there-count]")).ToHaveCountAsync(0);
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'who-was-there' AND actor = @u", ("u", duty.UserName)));
    }

    private async Task<IPage> OpenAsync(TestUser user, int width, int height, float pixelRatio = 1)
    {
        var page = await Chromium.NewPageAsync(width, height, pixelRatio, touch: width < 600);
        await BlazorPage.SignInAsync(page, app.BaseAddress, user);
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/subjects/who-was-there"));
        await Assertions.Expect(page.Locator("[data-testid=who-was-there-map].leaflet-container")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>Switches to a centre and a radius and clicks the map's middle; returns the centre the map picked.</summary>
    private static async Task<(double Latitude, double Longitude)> PickCentreAsync(IPage page)
    {
        var map = page.Locator("[data-testid=who-was-there-map]");
        await page.Locator("[data-testid=who-was-there-mode] .mud-toggle-item").Nth(1).ClickAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-mode", "circle");
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Assertions.Expect(page.Locator("[data-testid=who-was-there-place]")).ToContainTextAsync("圆心：北纬");
        return Parse((await map.GetAttributeAsync("data-centre"))!);
    }

    /// <summary>Types the case and searches; the answer is in once its count names the case.</summary>
    private static async Task SearchAsync(IPage page, string caseNumber)
    {
        await page.Locator("input[data-testid=who-was-there-case]").FillAsync(caseNumber);
        await page.Locator("[data-testid=who-was-there-search]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=who-was-there-count]")).ToContainTextAsync(caseNumber, new() { Timeout = 30_000 });
    }

    private static ILocator RowOf(IPage page, TestDevice device) =>
        page.Locator("[data-testid=who-was-there-table] tbody tr").Filter(new() { HasText = device.SubjectCode });

    /// <summary>A phone widens its layout to what overflows, so the page is measured against the screen, not the window.</summary>
    private static async Task AssertNothingSpillsAsync(IPage page) =>
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > screen.width"), "the page is wider than the screen");

    private static (double Latitude, double Longitude) Parse(string centre)
    {
        var parts = centre.Split(',');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Three fixes of the person, a few metres from the point, in the last minutes of today (the site's day).</summary>
    private async Task StoreFixesAtAsync(TestDevice device, double lat, double lon)
    {
        for (var k = 1; k <= 3; k++)
        {
            await county.ExecuteAsync(FormattableString.Invariant($"""
                INSERT INTO positions (device_id, fix_time, subject_id, received_at, location, accuracy_meters)
                VALUES ({device.DeviceId}, greatest(now() - interval '{k} minutes', date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' + interval '{k} seconds'),
                        {device.SubjectId}, now(), ST_SetSRID(ST_MakePoint({lon + k * 0.00002}, {lat}), 4326), 8)
                """));
        }
    }
}
