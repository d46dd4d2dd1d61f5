using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Subjects;

public class SubjectSupervisionTests(DemoCountyApp app) : BrowserTest, IClassFixture<DemoCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ADutyOfficerRequestsLeavePickedOnTheMapAndTheSquadLeaderOfThePersonsSquadApprovesItOnTheSubjectsPage()
    {
        var device = await county.VisibleDeviceAsync(11);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @s", ("s", device.SubjectId));
        var duty = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var leader = await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, squad);
        var page = await OpenSubjectAsync(duty, device.SubjectId);

        await page.Locator("[data-testid=check-in-record]").ClickAsync();
        await page.Locator("[data-testid=check-in-note]").FillAsync("本人到司法所报到，已核对身份");
        await page.Locator("[data-testid=check-in-submit]").ClickAsync();
        var latest = page.Locator("[data-testid=check-in]").First;
        await Assertions.Expect(latest).ToContainTextAsync("本人到司法所报到，已核对身份");
        await Assertions.Expect(latest).ToContainTextAsync("到司法所报到");

        await page.Locator("[data-testid=check-in-schedule-edit]").ClickAsync();
        await page.Locator("[data-testid=check-in-interval]").FillAsync("14");
        await page.Locator("[data-testid=check-in-schedule-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=check-in-schedule]")).ToContainTextAsync("每 14 天");

        await page.Locator("[data-testid=leave-grant]").ClickAsync();
        await page.Locator("[data-testid=leave-destination]").FillAsync("费县城区（测试）");
        await page.Locator("[data-testid=leave-radius]").FillAsync("5");
        await page.Locator("[data-testid=leave-purpose]").FillAsync("探望住院亲属");
        await page.Locator("[data-testid=leave-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=leave-place]")).ToContainTextAsync("请在地图上点击目的地");

        await PickOnMapAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=subject-map]")).ToHaveAttributeAsync("data-destination", new System.Text.RegularExpressions.Regex(@"^3\d\.\d+,11\d\.\d+$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-leave-form-1920x1080.png") });
        await page.Locator("[data-testid=leave-submit]").ClickAsync();

        var requested = page.Locator("[data-testid=leave-permit]").Filter(new() { HasText = "费县城区（测试）" });
        await Assertions.Expect(requested).ToHaveAttributeAsync("data-status", "Requested");
        await Assertions.Expect(requested).ToContainTextAsync("探望住院亲属");
        await Assertions.Expect(requested.Locator("[data-testid=leave-approve]")).ToHaveCountAsync(0);

        // The squad leader of the person's squad decides, on their own screen.
        var leaderPage = await OpenSubjectAsync(leader, device.SubjectId);
        var permit = leaderPage.Locator("[data-testid=leave-permit]").Filter(new() { HasText = "费县城区（测试）" });
        await Assertions.Expect(permit.Locator("[data-testid=leave-refuse]")).ToBeVisibleAsync();
        await leaderPage.Locator("[data-testid=leave-permits]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-leave-awaiting-decision.png") });
        await permit.Locator("[data-testid=leave-approve]").ClickAsync();
        await permit.Locator("[data-testid=leave-reason]").FillAsync("事由属实，同意外出");
        await permit.Locator("[data-testid=leave-confirm]").ClickAsync();
        await Assertions.Expect(permit).ToHaveAttributeAsync("data-status", "Upcoming");
        await Assertions.Expect(permit.Locator("[data-testid=leave-approved-by]")).ToContainTextAsync(leader.UserName);
        await Assertions.Expect(permit.Locator("[data-testid=leave-requested-by]")).ToContainTextAsync(duty.UserName);

        // The confirmations fade before the pictures, which must show the page itself.
        await Assertions.Expect(leaderPage.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await leaderPage.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-leave-approved-1920x1080.png") });
        Assert.False(await leaderPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight"),
            "the detail page scrolls");
        // A 4K desk monitor runs at twice the scale: the same layout in four times the pixels.
        var large = await OpenSubjectAsync(leader, device.SubjectId, pixelRatio: 2);
        await Assertions.Expect(large.Locator("[data-testid=leave-permit]").Filter(new() { HasText = "费县城区（测试）" })).ToHaveAttributeAsync("data-status", "Upcoming");
        await large.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-leave-approved-3840x2160.png") });

        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM check_ins WHERE subject_id = @s AND method = 'Office' AND note = '本人到司法所报到，已核对身份'",
            ("s", device.SubjectId)));
        Assert.Equal(1, await county.CountAsync("""
            SELECT count(*) FROM leave_permits
            WHERE subject_id = @s AND destination = '费县城区（测试）' AND revoked_at IS NULL AND ST_GeometryType(area) = 'ST_Polygon'
              AND requested_by = @duty AND approved_by = @leader AND starts_at > now()
            """, ("s", device.SubjectId), ("duty", duty.UserName), ("leader", leader.UserName)));
        Assert.Equal(14, await county.ScalarAsync<int>("SELECT interval_days FROM check_in_schedules WHERE subject_id = @s", ("s", device.SubjectId)));

        await permit.Locator("[data-testid=leave-revoke]").ClickAsync();
        await permit.Locator("[data-testid=leave-reason]").FillAsync("亲属已出院，取消外出");
        await permit.Locator("[data-testid=leave-confirm]").ClickAsync();
        await Assertions.Expect(permit).ToHaveAttributeAsync("data-status", "Revoked");
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM leave_permits WHERE subject_id = @s AND revoked_at IS NOT NULL", ("s", device.SubjectId)));
    }

    [Fact]
    public async Task LeaveAskedForTomorrowIsRefusedNamingTheNoticeRuleAndIsStoredWhenMarkedUrgentWithItsReason()
    {
        var device = await county.VisibleDeviceAsync(12);
        var page = await OpenSubjectAsync(await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer), device.SubjectId);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);

        await page.Locator("[data-testid=leave-grant]").ClickAsync();
        await TypeDayAsync(page, "leave-first-day", tomorrow);
        await TypeDayAsync(page, "leave-last-day", tomorrow.AddDays(1));
        await page.Locator("[data-testid=leave-destination]").FillAsync("兰陵县城（测试）");
        await PickOnMapAsync(page);
        await page.Locator("[data-testid=leave-submit]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=leave-error]")).ToContainTextAsync("提前申请");
        await Assertions.Expect(page.Locator("[data-testid=leave-error]")).ToContainTextAsync("3 个工作日");
        await page.Locator("[data-testid=leave-form]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-leave-refused-notice.png") });
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM leave_permits WHERE subject_id = @s AND destination = '兰陵县城（测试）'", ("s", device.SubjectId)));

        await page.GetByText("紧急外出（提前时间不足）").ClickAsync();
        await page.Locator("[data-testid=leave-urgent-reason]").FillAsync("母亲急病住院");
        await page.Locator("[data-testid=leave-submit]").ClickAsync();

        var permit = page.Locator("[data-testid=leave-permit]").Filter(new() { HasText = "兰陵县城（测试）" });
        await Assertions.Expect(permit).ToHaveAttributeAsync("data-status", "Requested");
        await Assertions.Expect(permit).ToContainTextAsync("紧急：母亲急病住院");
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM leave_permits WHERE subject_id = @s AND urgent AND urgent_reason = '母亲急病住院' AND approved_at IS NULL",
            ("s", device.SubjectId)));
    }

    private async Task<IPage> OpenSubjectAsync(TestUser user, int subjectId, float pixelRatio = 1)
    {
        var page = await Chromium.NewPageAsync(1920, 1080, pixelRatio);
        await BlazorPage.SignInAsync(page, app.BaseAddress, user);
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/subjects/{subjectId}"));

        // The leave and check-in panels load after the page: once they are in, nothing moves under the clicks.
        await Assertions.Expect(page.Locator("[data-testid=check-ins]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=leave-permits]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return page;
    }

    private static async Task PickOnMapAsync(IPage page)
    {
        var map = await page.Locator("[data-testid=subject-map]").BoundingBoxAsync();
        await page.Mouse.ClickAsync(map!.X + map.Width * 0.7f, map.Y + map.Height * 0.3f);
        await Assertions.Expect(page.Locator("[data-testid=leave-place-picked]")).ToBeVisibleAsync();
    }

    /// <summary>Types a day into an editable date field.</summary>
    private static async Task TypeDayAsync(IPage page, string testId, DateOnly day)
    {
        var input = page.Locator($"[data-testid={testId}]");
        await input.FillAsync(day.ToString("yyyy-MM-dd"));
        await input.PressAsync("Tab");
    }
}
