using System.Text;
using System.Text.RegularExpressions;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Reports;

/// <summary>The duty report and the alert register in Chromium over the demo county's alert history.</summary>
public class ReportPagesTests(DemoCountyApp app) : BrowserTest, IClassFixture<DemoCountyApp>
{
    /// <summary>The day before yesterday in the site's calendar: the last whole duty day of the demo's history.</summary>
    private static string Yesterday => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-2).ToString("yyyy-MM-dd");

    private async Task<IPage> OpenAsync(string role, string path, int width, int height, int? squad = null, float pixelRatio = 1)
    {
        var page = await Chromium.NewPageAsync(width, height, pixelRatio);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, role, squad));
        try
        {
            await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, path));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{page.Url}: {await page.ContentAsync()}");
        }

        return page;
    }

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth");

    [Fact]
    public async Task TheDutyReportOfADayShowsItsAlertsAndPrintsOnA4()
    {
        var page = await OpenAsync(Roles.DutyOfficer, $"/reports/duty?date={Yesterday}", 1920, 1080);

        var heading = await page.Locator("h1").InnerTextAsync();
        Assert.Contains("值班日报", heading);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator(".report-head .brigade").InnerTextAsync()), "the report is not headed with the brigade's name");
        var raised = int.Parse(await page.Locator("[data-figure=raised]").InnerTextAsync());
        Assert.True(raised > 0, "the demo's history has no alert yesterday");
        Assert.Equal(raised, await page.Locator("[data-testid=duty-alerts] tbody tr[data-alert]").CountAsync());
        Assert.False(await ScrollsSidewaysAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("duty-report-1920x1080.png") });

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator(".no-print").IsVisibleAsync());
        Assert.Contains("Serif CJK", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.duty-report')).fontFamily"));
        Assert.Equal("table-header-group", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('[data-testid=duty-alerts] thead')).display"));

        // An A4 page at 96 dpi is 794 px wide: what the printer gets, in the picture, and as a PDF.
        await page.SetViewportSizeAsync(794, 1123);
        Assert.False(await ScrollsSidewaysAsync(page), "the printed report is wider than A4");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("duty-report-print-a4.png"), FullPage = true });
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Artifacts.ScreenshotPath("duty-report.pdf"), PreferCSSPageSize = true, PrintBackground = true });
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", text);
        var pages = Regex.Matches(text, @"/MediaBox \[0 0 (\d+\.?\d*) (\d+\.?\d*)\]");
        Assert.NotEmpty(pages);
        Assert.All(pages, box => Assert.Equal((595.0, 842.0), (Math.Round(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)), Math.Round(double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))));
    }

    [Fact]
    public async Task TheDutyReportMovesToTheDayChosen()
    {
        var page = await OpenAsync(Roles.Commander, $"/reports/duty?date={Yesterday}", 1920, 1080);
        var before = DateOnly.Parse(Yesterday);
        var chosen = before.AddDays(-1).ToString("yyyy-MM-dd");

        var field = page.Locator("[data-testid=duty-date] input, input[data-testid=duty-date]").First;
        await field.FillAsync(chosen);
        await field.PressAsync("Tab");

        await page.WaitForURLAsync(url => url.Contains($"date={chosen}"), new PageWaitForURLOptions { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"{before.AddDays(-1).Day}日");
    }

    [Fact]
    public async Task TheRegisterFiltersBySeverityAndState()
    {
        var page = await OpenAsync(Roles.Commander, $"/reports/alerts?from={DateOnly.Parse(Yesterday).AddDays(-6):yyyy-MM-dd}&severity=Critical", 1920, 1080);
        var rows = page.Locator("[data-testid=register-table] tbody tr");
        await page.Locator("[data-testid=register-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

        var severities = await page.Locator("[data-testid=register-table] td[data-column=severity]").AllInnerTextsAsync();
        Assert.NotEmpty(severities);
        Assert.All(severities, s => Assert.Equal("紧急", s.Trim()));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("alert-register-1920x1080.png") });

        await page.Locator("[data-testid=register-state]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "已办结" }).ClickAsync();

        // The search reads the filter as the circuit holds it: wait until the choice came back from the server.
        await Assertions.Expect(page.Locator("[data-testid=register-state] input, input[data-testid=register-state]").First).ToHaveValueAsync("已办结");
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=register-search]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("state=Resolved.*severity=Critical|severity=Critical.*state=Resolved"), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=register-table] td[data-column=state]").First).ToHaveTextAsync("已办结");
        var states = await page.Locator("[data-testid=register-table] td[data-column=state]").AllInnerTextsAsync();
        Assert.All(states, s => Assert.Equal("已办结", s.Trim()));
        Assert.Matches(@"/api/v1/reports/alerts/export\?from=.*severity=Critical&state=Resolved", await page.Locator("[data-testid=register-export]").GetAttributeAsync("href"));
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
    }

    /// <summary>A desk monitor at 4K runs at 200 % scaling: 1920×1080 CSS pixels at a pixel ratio of 2.</summary>
    [Theory]
    [InlineData(1920, 1080, 1)]
    [InlineData(1920, 1080, 2)]
    [InlineData(390, 844, 1)]
    public async Task ASquadLeadersRegisterHoldsOnlyTheirSquadAtAnySize(int width, int height, float pixelRatio)
    {
        var page = await OpenAsync(Roles.SquadLeader, $"/reports/alerts?from={DateOnly.Parse(Yesterday).AddDays(-6):yyyy-MM-dd}", width, height, squad: 1, pixelRatio);
        await page.Locator("[data-testid=register-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });

        Assert.True(await page.Locator("[data-testid=register-squad] .mud-input-control, [data-testid=register-squad]").First.EvaluateAsync<bool>(
            "e => !!e.closest('.mud-disabled') || !!e.querySelector('.mud-disabled') || e.classList.contains('mud-disabled') || !!e.querySelector('[disabled]')"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"alert-register-squad-leader-{width * pixelRatio}x{height * pixelRatio}.png") });
        Assert.False(await ScrollsSidewaysAsync(page), "the register scrolls sideways");
        var squads = await page.Locator("[data-testid=register-table] tbody tr td:nth-child(5)").AllInnerTextsAsync();
        Assert.NotEmpty(squads);
        Assert.All(squads, squad => Assert.EndsWith("第一中队", squad.Trim()));
    }
}
