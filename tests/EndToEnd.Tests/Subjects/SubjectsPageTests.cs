using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.TestSupport.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CommandCenter.EndToEnd.Tests.Subjects;

public class SubjectsPageTests(DemoCountyApp app, ITestOutputHelper output) : BrowserTest, IClassFixture<DemoCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<IPage> SignedInAsync(string role, string path)
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"console {message.Type}: {message.Text}");
            }
        };
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, role));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, path));
        return page;
    }

    private static Task<bool> OverflowsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");

    [Fact]
    public async Task ADutyOfficerFindsASubjectUnmasksTheCardAndReplaysTheirDay()
    {
        var device = await county.VisibleDeviceAsync(7);
        var name = await county.ScalarAsync<string>("SELECT name FROM subjects WHERE id = @id", ("id", device.SubjectId));

        // A walk away from home and back, 40 fixes over at most four hours of today (in the county's time).
        var sinceMidnight = DateTime.UtcNow.AddHours(8).TimeOfDay - TimeSpan.FromMinutes(3);
        var step = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(6).Ticks, sinceMidnight.Ticks / 41));
        var walk = Enumerable.Range(0, 40)
            .Select(i => (step * (41 - i), Math.Sin(i / 39.0 * Math.PI) * 0.02, i / 39.0 * 0.015))
            .ToArray();
        await county.PlaceAsync(device.SubjectId, walk);

        var page = await SignedInAsync(Roles.DutyOfficer, "/subjects");
        await Assertions.Expect(page.Locator("[data-testid=subject-link]")).ToHaveCountAsync(25, new() { Timeout = 30_000 });
        Assert.False(await OverflowsAsync(page), "the search page scrolls");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subjects-1920x1080.png") });

        await page.Locator("[data-testid=search-code]").FillAsync(device.SubjectCode);
        await page.Locator("[data-testid=search]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=subject-link]")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=subject-link]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=subject-page]")).ToHaveAttributeAsync("data-subject-id", device.SubjectId.ToString());
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-testid=subject-map]")).ToHaveAttributeAsync("data-fences", new System.Text.RegularExpressions.Regex("[1-9]"), new() { Timeout = 30_000 });
        Assert.NotEqual(name, await page.Locator("[data-testid=card-name]").InnerTextAsync());

        await page.Locator("[data-testid=unmask]").ClickAsync();
        await page.Locator("[data-testid=unmask-purpose]").FillAsync("核实越界告警人员身份");
        await page.Locator("[data-testid=unmask-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=card-name]")).ToHaveTextAsync(name);

        await page.Locator("[data-testid=track-load]").ClickAsync();
        var map = page.Locator("[data-testid=subject-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-track", new System.Text.RegularExpressions.Regex("^(4[1-9]|[5-9][0-9])$"));
        var points = int.Parse(await map.GetAttributeAsync("data-track") ?? "0");
        await page.Locator("[data-testid=track-controls] input[type=range]").FillAsync("25");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cursor", "25");
        await Assertions.Expect(page.Locator("[data-testid=track-time]")).ToContainTextAsync($"26 / {points}");

        Assert.False(await OverflowsAsync(page), "the detail page scrolls");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-detail-1920x1080.png") });
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'track-viewed' AND target = @t", ("t", $"subject:{device.SubjectCode}")));
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'unmask-personal-data' AND target = @t", ("t", $"subject:{device.SubjectCode}")));
    }

    [Fact]
    public async Task AnOfficerRequestsAnOrderAndTheCommanderApprovesIt()
    {
        var subject = await TakeInAsync();

        var officer = await SignedInAsync(Roles.DutyOfficer, $"/subjects/{subject}");
        await Assertions.Expect(officer.Locator("[data-testid=track-unavailable]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The leave and check-in panels load after the page: once they are in, nothing moves under the clicks.
        await Assertions.Expect(officer.Locator("[data-testid=leave-permits]")).ToBeVisibleAsync();
        await officer.Locator("[data-testid=order-request]").ClickAsync();
        await officer.Locator("[data-testid=order-reason]").ClickAsync();
        await officer.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "擅自离开县域" }).ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid=order-reason]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("擅自离开县域"));
        await officer.Locator("[data-testid=order-note]").FillAsync("未经批准前往临沂市区，已予警告");
        await officer.Locator("[data-testid=order-submit]").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid=order]")).ToHaveAttributeAsync("data-state", "Requested");
        Assert.Equal(0, await officer.Locator("[data-testid=order-approve]").CountAsync());

        var commander = await SignedInAsync(Roles.Commander, $"/subjects/{subject}");
        await Assertions.Expect(commander.Locator("[data-testid=order]")).ToHaveAttributeAsync("data-state", "Requested", new() { Timeout = 30_000 });
        await commander.Locator("[data-testid=order-approve]").ClickAsync();
        await Assertions.Expect(commander.Locator("[data-testid=order]")).ToHaveAttributeAsync("data-state", "InForce");
        await commander.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-order-approved-1920x1080.png") });

        await officer.ReloadAsync();
        await officer.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(officer.Locator("[data-testid=track-load]")).ToBeEnabledAsync();
        Assert.Equal("Approved", await county.ScalarAsync<string>("SELECT status FROM positioning_orders WHERE subject_id = @s", ("s", subject)));
    }

    [Fact]
    public async Task ADutyOfficerTakesInASubjectWithTheHomePickedOnTheMap()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var page = await SignedInAsync(Roles.DutyOfficer, "/subjects/new");
        await Assertions.Expect(page.Locator("[data-testid=subject-form]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.Locator("[data-testid=subject-code]").FillAsync("PY-E2E-002");
        await page.Locator("[data-testid=subject-name]").FillAsync("测试某丙");
        await page.Locator("[data-testid=subject-id-number]").FillAsync("371326198506159011");
        await page.Locator("[data-testid=subject-phone]").FillAsync("17000006666");
        await page.Locator("[data-testid=subject-squad]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "第二中队" }).ClickAsync();
        await TypeDayAsync(page, "subject-term-start", today.AddMonths(-10));
        await TypeDayAsync(page, "subject-term-end", today.AddYears(1));
        await TypeDayAsync(page, "subject-intake", today.AddMonths(-10).AddDays(2));
        await page.Locator("[data-testid=subject-address]").FillAsync("平邑镇测试村9号");
        var map = await page.Locator("[data-testid=subject-map]").BoundingBoxAsync();
        await page.Mouse.ClickAsync(map!.X + map.Width / 2, map.Y + map.Height / 2);
        await Assertions.Expect(page.Locator("[data-testid=subject-latitude]")).Not.ToHaveValueAsync(string.Empty);

        await page.Locator("[data-testid=subject-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=subject-errors]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("[data-testid=subject-id-number]") }))
            .ToContainTextAsync("校验码");
        Assert.False(await OverflowsAsync(page), "the intake form scrolls");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-intake-1920x1080.png") });
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM subjects WHERE code = 'PY-E2E-002'"));

        await page.Locator("[data-testid=subject-id-number]").FillAsync("371326198506159010");
        await page.Locator("[data-testid=subject-save]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=subject-page]")).ToBeVisibleAsync();
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM subjects WHERE code = 'PY-E2E-002' AND status = 'InCorrection'"));
    }

    [Fact]
    public async Task TheSubjectPagesReadInEnglishWithNothingCutOff()
    {
        var device = await county.VisibleDeviceAsync(9);

        // The order in force ends in three days: the page must warn, so that a reassessment is made in time.
        await county.CountAsync("""
            WITH ending AS (
                UPDATE positioning_orders SET end_date = (now() AT TIME ZONE 'Asia/Shanghai')::date + 3
                WHERE subject_id = @s AND status = 'Approved' AND ended_early_on IS NULL
                  AND (now() AT TIME ZONE 'Asia/Shanghai')::date BETWEEN start_date AND end_date
                RETURNING 1)
            SELECT count(*) FROM ending
            """, ("s", device.SubjectId));
        var page = await SignedInAsync(Roles.Commander, $"/culture?name=en&returnUrl=%2Fsubjects");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=subject-link]")).ToHaveCountAsync(25, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("h4")).ToHaveTextAsync("Subjects");
        Assert.False(await OverflowsAsync(page), "the search page scrolls");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subjects-en-1920x1080.png") });

        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/subjects/{device.SubjectId}"));
        await Assertions.Expect(page.Locator("[data-testid=subject-map]")).ToHaveAttributeAsync("data-fences", new System.Text.RegularExpressions.Regex("[1-9]"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=orders]")).ToContainTextAsync("Electronic positioning");
        await Assertions.Expect(page.Locator("[data-testid=order-expiry-warning]")).ToContainTextAsync("3 days left");
        Assert.False(await OverflowsAsync(page), "the detail page scrolls");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-detail-en-1920x1080.png") });
    }

    /// <summary>Types a day into an editable date field, as somebody copying a judgment would.</summary>
    private static async Task TypeDayAsync(IPage page, string testId, DateOnly day)
    {
        var input = page.Locator($"[data-testid={testId}]");
        await input.FillAsync(day.ToString("yyyy-MM-dd"));
        await input.PressAsync("Tab");
    }

    /// <summary>A subject taken in through the API, with no positioning order yet.</summary>
    private async Task<int> TakeInAsync()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var created = await duty.Client.PostAsJsonAsync("/api/v1/subjects/", new
        {
            code = "PY-E2E-001", name = "测试某乙", idNumber = "371326198506159010", phone = "17000007777",
            correctionType = "SuspendedSentence", supervisionLevel = "Strict", riskLevel = "High", squadId = 1,
            termStart = today.AddMonths(-1).ToString("yyyy-MM-dd"), termEnd = today.AddYears(1).ToString("yyyy-MM-dd"),
            intakeDate = today.AddMonths(-1).ToString("yyyy-MM-dd"), homeAddress = "平邑镇测试村8号", homeLatitude = 35.50, homeLongitude = 117.63,
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
