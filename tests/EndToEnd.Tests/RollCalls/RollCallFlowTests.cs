using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Phone;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.RollCalls;

public class RollCallFlowTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task AnOfficerCallsTwoPeopleToACameraMarksOnePresentAndOneAbsentAndTheAbsenceReachesTheDesk()
    {
        var people = await county.ScalarAsync<int[]>("SELECT array_agg(id) FROM (SELECT id FROM subjects WHERE status = 'InCorrection' AND home IS NOT NULL ORDER BY id LIMIT 2) p");
        var codes = await Task.WhenAll(people.Select(id => county.ScalarAsync<string>("SELECT code FROM subjects WHERE id = @s", ("s", id))));
        var lon = await county.ScalarAsync<double>("SELECT ST_X(home) FROM subjects WHERE id = @s", ("s", people[0]));
        var lat = await county.ScalarAsync<double>("SELECT ST_Y(home) FROM subjects WHERE id = @s", ("s", people[0]));
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var cameraName = $"城关点名点{Guid.NewGuid():N}"[..12];
        Assert.Equal(HttpStatusCode.Created, (await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code = $"RC{Guid.NewGuid():N}"[..12], name = cameraName, latitude = lat, longitude = lon })).StatusCode);
        var serial = $"PH-{Guid.NewGuid():N}"[..20];
        var enrolled = await (await duty.Client.PostAsJsonAsync("/api/v1/devices/", new { serial, kind = "Phone", subjectId = people[1] })).Content.ReadFromJsonAsync<JsonElement>();
        using var phone = new PhoneClient(app.BaseAddress, serial, enrolled.GetProperty("key").GetString()!);

        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/roll-calls"));
        foreach (var code in codes)
        {
            await page.Locator("[data-testid=roll-call-filter]").FillAsync(code);
            var person = page.Locator($"[data-testid=roll-call-person][data-code='{code}']");
            await Assertions.Expect(person).ToHaveCountAsync(1);
            await person.ClickAsync();
        }

        await Assertions.Expect(page.Locator("[data-testid=roll-call-picked]")).ToContainTextAsync("已选 2 人");
        await Assertions.Expect(page.Locator("[data-testid=roll-call-call]")).ToBeEnabledAsync();
        await page.Locator("[data-testid=roll-call-call]").ClickAsync();

        // A camera suggested (nearest the middle of the two people's last fixes, or of their homes) is the one called to.
        // The people's fixes keep coming while the page calls, so the nearest may have changed by the time this asks:
        // the one called must be among the three suggested now.
        var suggested = await duty.Client.GetFromJsonAsync<JsonElement>($"/api/v1/roll-calls/suggested-cameras?subjectId={people[0]}&subjectId={people[1]}");
        var suggestedNames = suggested.EnumerateArray().Select(c => System.Text.RegularExpressions.Regex.Escape(c.GetProperty("name").GetString()!));
        await Assertions.Expect(page.Locator("[data-testid=roll-call-head]"))
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex(string.Join('|', suggestedNames)), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=camera-state]")).ToBeVisibleAsync();
        var rollCallId = long.Parse(page.Url.Split('/')[^1]);
        Assert.Equal(rollCallId, Assert.Single(await phone.RollCallsToAttendAsync()).GetProperty("id").GetInt64());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("roll-call-called-1920x1080.png") });

        var present = page.Locator($"[data-testid=roll-call-attendee][data-code='{codes[0]}']");
        var absent = page.Locator($"[data-testid=roll-call-attendee][data-code='{codes[1]}']");
        await present.Locator("[data-testid=mark-present]").ClickAsync();
        await Assertions.Expect(present).ToHaveAttributeAsync("data-mark", "Present");
        await absent.Locator("input[data-testid=roll-call-note-field]").FillAsync("未见本人到场");
        await absent.Locator("[data-testid=mark-absent]").ClickAsync();
        await Assertions.Expect(absent).ToHaveAttributeAsync("data-mark", "Absent");
        await Assertions.Expect(absent.Locator("[data-testid=roll-call-note]")).ToHaveTextAsync("未见本人到场");
        await Assertions.Expect(page.Locator("[data-testid=roll-call-counts]")).ToContainTextAsync("到场 1 · 缺席 1 · 请假 0 · 未点 0");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth"), "the roll call page scrolls sideways");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("roll-call-marked-1920x1080.png") });

        var desk = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(desk, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(desk, new Uri(app.BaseAddress, "/desk"));
        var alert = desk.Locator("[data-testid=queue-item]", new PageLocatorOptions { HasText = codes[1] }).Filter(new() { HasText = "点名缺席" });
        await Assertions.Expect(alert).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(desk.Locator("[data-testid=queue-item]", new PageLocatorOptions { HasText = codes[0] }).Filter(new() { HasText = "点名缺席" })).ToHaveCountAsync(0);
        await alert.ClickAsync();
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("roll-call-desk-1920x1080.png") });

        foreach (var (width, height) in new[] { (3840, 2160), (390, 844) })
        {
            var other = await Chromium.NewPageAsync(width, height);
            await BlazorPage.SignInAsync(other, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
            await BlazorPage.OpenAsync(other, new Uri(app.BaseAddress, $"/roll-calls/{rollCallId}"));
            await Assertions.Expect(other.Locator("[data-testid=roll-call-attendee][data-mark=Absent]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            Assert.False(await other.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth"), $"the roll call page scrolls sideways at {width}x{height}");
            await other.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"roll-call-{width}x{height}.png"), FullPage = true });
            await BlazorPage.OpenAsync(other, new Uri(app.BaseAddress, "/roll-calls"));
            await Assertions.Expect(other.Locator("[data-testid=roll-call-row]")).Not.ToHaveCountAsync(0);
            await other.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"roll-calls-{width}x{height}.png"), FullPage = true });
        }
    }
}
