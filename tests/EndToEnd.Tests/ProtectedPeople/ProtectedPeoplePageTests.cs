using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.ProtectedPeople;

/// <summary>
/// A squad leader enrols a protected person from the set-up page, sets their phone up with the key shown once and links
/// a subject; the person's phone reports beside the subject and the desk shows the breach with the distance only.
/// </summary>
public class ProtectedPeoplePageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    private const double PersonLatitude = 35.500873;
    private const double PersonLongitude = 117.640417;

    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ALeaderEnrolsAndLinksFromThePageAndTheDeskShowsTheBreachByDistanceOnly()
    {
        var subject = await county.VisibleDeviceAsync(30);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @id", ("id", subject.SubjectId));
        var serial = $"PP{Random.Shared.Next(100_000, 999_999)}";
        var page = await Chromium.NewPageAsync(1920, 1080);
        var leader = await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, squad);
        await BlazorPage.SignInAsync(page, app.BaseAddress, leader);
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/protected-persons"));

        await page.Locator("input[data-testid=enrol-name]").FillAsync("测试被保护人乙");
        await page.Locator("input[data-testid=enrol-serial]").FillAsync(serial);
        await page.Locator("[data-testid=enrol-save]").ClickAsync();
        var url = (await page.Locator("[data-testid=issued-url]").InnerTextAsync(new() { Timeout = 30_000 })).Trim();
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/osmand/protected?key=", url, StringComparison.Ordinal);
        await Shoot(page, "protected-key-1920x1080.png");
        await page.Locator("[data-testid=key-close]").ClickAsync();

        var row = page.Locator("tr[data-person]", new() { HasText = serial });
        await Assertions.Expect(row.Locator("[data-testid=masked-name]")).ToHaveTextAsync("测*****乙");
        await row.Locator("[data-testid=link]").ClickAsync();
        await page.Locator("input[data-testid=link-subject]").FillAsync(subject.SubjectCode);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = subject.SubjectCode }).First.ClickAsync();
        await page.Locator("[data-testid=link-save]").ClickAsync();
        await Assertions.Expect(row.Locator($"[data-link='{subject.SubjectCode}']")).ToContainTextAsync("500 / 1500", new() { Timeout = 15_000 });
        await Shoot(page, "protected-1920x1080.png");
        await page.SetViewportSizeAsync(3840, 2160);
        await Shoot(page, "protected-3840x2160.png");
        await page.SetViewportSizeAsync(390, 844);
        await Shoot(page, "protected-390x844.png", fullPage: true);
        Assert.False(await page.EvaluateAsync<bool>(
            "() => { const table = document.querySelector('[data-testid=protected-table] table'); return table.scrollWidth > table.parentElement.clientWidth + 1; }"),
            "the protected people's table is wider than a phone");

        // Subject, person, subject: each report is its own reading. Two of the person's reports landing before the rules
        // next run would be read once (only the person's newest position is kept), which left a loaded run one short.
        using var phone = new HttpClient { BaseAddress = app.BaseAddress };
        var now = TimeProvider.System.GetUtcNow();
        await PostSubjectFixAsync(phone, subject, now.AddSeconds(-8));
        var fix = string.Create(CultureInfo.InvariantCulture,
            $"&id={serial}&lat={PersonLatitude}&lon={PersonLongitude}&accuracy=5&timestamp={now.AddSeconds(-6).ToUnixTimeMilliseconds()}");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(url + fix)).StatusCode);
        await PostSubjectFixAsync(phone, subject, now.AddSeconds(-4));

        var desk = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(desk, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(desk, new Uri(app.BaseAddress, "/desk"));
        var queued = desk.Locator("[data-testid=queue-item]", new() { HasText = "双向定位越界" });
        await queued.First.ClickAsync(new() { Timeout = 30_000 });
        var opened = desk.Locator("[data-testid=alert-case]");
        await Assertions.Expect(opened).ToContainTextAsync("距被保护人 104 米，进入 500 米禁止接近范围", new() { Timeout = 15_000 });
        Assert.DoesNotContain("35.50087", await desk.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("测试被保护人乙", await desk.ContentAsync(), StringComparison.Ordinal);
        await Shoot(desk, "protected-desk-1920x1080.png");
        await desk.SetViewportSizeAsync(3840, 2160);
        await Shoot(desk, "protected-desk-3840x2160.png");
        await desk.SetViewportSizeAsync(390, 844);
        await Shoot(desk, "protected-desk-390x844.png", fullPage: true);
    }

    private static async Task PostSubjectFixAsync(HttpClient phone, TestDevice subject, DateTimeOffset at) =>
        Assert.Equal(HttpStatusCode.Accepted, (await phone.PostAsJsonAsync("/api/v1/positions",
            Fixes.Batch(Fixes.Item(subject, at, Fixes.InsideLatitude, Fixes.InsideLongitude)))).StatusCode);

    private static Task Shoot(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath(name), FullPage = fullPage });
}
