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
    public async Task ADutyOfficerRecordsACheckInAScheduleAndALeavePermitPickedOnTheMapThenRevokesIt()
    {
        var device = await county.VisibleDeviceAsync(11);
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/subjects/{device.SubjectId}"));
        await Assertions.Expect(page.Locator("[data-testid=check-ins]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

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

        var map = await page.Locator("[data-testid=subject-map]").BoundingBoxAsync();
        await page.Mouse.ClickAsync(map!.X + map.Width * 0.7f, map.Y + map.Height * 0.3f);
        await Assertions.Expect(page.Locator("[data-testid=leave-place-picked]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=subject-map]")).ToHaveAttributeAsync("data-destination", new System.Text.RegularExpressions.Regex(@"^3\d\.\d+,11\d\.\d+$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-leave-form-1920x1080.png") });
        await page.Locator("[data-testid=leave-submit]").ClickAsync();

        var permit = page.Locator("[data-testid=leave-permit]").Filter(new() { HasText = "费县城区（测试）" });
        await Assertions.Expect(permit).ToHaveAttributeAsync("data-status", "InForce");
        await Assertions.Expect(permit).ToContainTextAsync("探望住院亲属");

        // The confirmations fade before the picture, which must show the page itself.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-supervision-1920x1080.png") });
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight"),
            "the detail page scrolls");

        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM check_ins WHERE subject_id = @s AND method = 'Office' AND note = '本人到司法所报到，已核对身份'",
            ("s", device.SubjectId)));
        Assert.Equal(1, await county.CountAsync("""
            SELECT count(*) FROM leave_permits
            WHERE subject_id = @s AND destination = '费县城区（测试）' AND revoked_at IS NULL
              AND ST_GeometryType(area) = 'ST_Polygon' AND starts_at <= now() AND ends_at > now()
            """, ("s", device.SubjectId)));
        Assert.Equal(14, await county.ScalarAsync<int>("SELECT interval_days FROM check_in_schedules WHERE subject_id = @s", ("s", device.SubjectId)));

        await permit.Locator("[data-testid=leave-revoke]").ClickAsync();
        await permit.Locator("[data-testid=leave-revoke-reason]").FillAsync("亲属已出院，取消外出");
        await permit.Locator("[data-testid=leave-revoke-confirm]").ClickAsync();
        await Assertions.Expect(permit).ToHaveAttributeAsync("data-status", "Revoked");
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM leave_permits WHERE subject_id = @s AND revoked_at IS NOT NULL", ("s", device.SubjectId)));
    }
}
