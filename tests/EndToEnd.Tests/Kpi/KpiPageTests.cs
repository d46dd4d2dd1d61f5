using CommandCenter.Security;
using CommandCenter.TestSupport.Security;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CommandCenter.EndToEnd.Tests.Kpi;

public class KpiPageTests(DemoCountyApp app, ITestOutputHelper output) : BrowserTest, IClassFixture<DemoCountyApp>
{
    /// <summary>Every panel of the scoreboard, in ordinal order.</summary>
    private static readonly string[] Panels =
    [
        "alerts-daily", "dispositions", "education", "handling", "intake-release", "no-loss", "party-branch", "party-meetings",
        "positioning", "response", "scoreboard", "supervision",
    ];

    /// <summary>Every panel draws a chart but the one that is figures only.</summary>
    private static readonly string[] Charted = [.. Panels.Where(p => p != "no-loss")];

    private async Task<IPage> OpenAsync(string path, int width, int height)
    {
        var page = await Chromium.NewPageAsync(width, height);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"console {message.Type}: {message.Text}");
            }
        };
        // The commander may see the panels and enter records; the wall is covered by WallTests.
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, path));
        return page;
    }

    /// <summary>Waits until the charts have drawn, as many as the panels that have one.</summary>
    private static async Task WaitForChartsAsync(IPage page) =>
        await page.WaitForFunctionAsync(
            "count => document.querySelectorAll('.apexcharts-canvas').length >= count",
            Charted.Length,
            new PageWaitForFunctionOptions { Timeout = 30_000 });

    /// <summary>The panels on the page, and those among them that drew a chart, each in ordinal order.</summary>
    private static async Task<(string[] Panels, string[] Charted)> PanelsAsync(IPage page, string panel)
    {
        var all = await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('{panel}')].map(p => p.dataset.panel).sort()");
        var charted = await page.EvaluateAsync<string[]>(
            $"() => [...document.querySelectorAll('{panel}')].filter(p => p.querySelector('.apexcharts-canvas')).map(p => p.dataset.panel).sort()");
        return (all, charted);
    }

    private static Task<bool> OverflowsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight");

    /// <summary>Any panel whose content is wider or taller than the panel itself: something would be cut off.</summary>
    private static Task<string[]> CutOffPanelsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-testid=kpi-panel]')]
                .filter(p => p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1)
                .map(p => `${p.dataset.panel} ${p.scrollWidth}x${p.scrollHeight} in ${p.clientWidth}x${p.clientHeight}`)
            """);

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task EveryPanelFitsTheScreenWithItsChartAndChineseText(int width, int height)
    {
        var page = await OpenAsync("/kpi", width, height);
        await WaitForChartsAsync(page);
        await page.WaitForTimeoutAsync(2_000);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"kpi-{width}x{height}.png") });
        await page.Locator("[data-panel=handling]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.ScreenshotPath($"kpi-handling-{width}x{height}.png") });

        var (panels, charted) = await PanelsAsync(page, "[data-testid=kpi-panel]");
        Assert.Equal(Panels, panels);
        Assert.Equal(Charted, charted);
        Assert.False(await OverflowsAsync(page), "the page scrolls");
        Assert.Empty(await CutOffPanelsAsync(page));
        Assert.Contains("三会一课", await page.Locator("[data-panel=party-meetings]").TextContentAsync());
        var title = await page.EvaluateAsync<double>("() => document.querySelector('.panel-title').getBoundingClientRect().height");
        Assert.True(title >= height / 60.0, $"a panel title is {title} px tall at {width}×{height}");
    }

    [Fact]
    public async Task APanelShowsItsDefinitionOnHover()
    {
        var page = await OpenAsync("/kpi", 1920, 1080);

        await page.Locator("[data-panel=response] .panel-title").HoverAsync();

        var definition = page.Locator("[data-testid=definition]");
        await definition.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("percentile_cont", await definition.TextContentAsync());
    }

    [Fact]
    public async Task TheMonthlyReportIsLightAndPrintable()
    {
        var page = await OpenAsync("/kpi/report", 1280, 900);
        await WaitForChartsAsync(page);

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(255, 255, 255)", background);
        var (panels, charted) = await PanelsAsync(page, ".report-panel");
        Assert.Equal(Panels, panels);
        Assert.Equal(Charted, charted);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator(".no-print").IsVisibleAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("kpi-report.png"), FullPage = true });
    }

    [Fact]
    public async Task TheWallShowsTheKpiStripWithoutScrollbars()
    {
        var page = await OpenAsync("/", 1920, 1080);

        var items = page.Locator("[data-testid=kpi-strip-item]");
        await items.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.True(await items.CountAsync() >= 6);
        Assert.Contains("无脱管漏管", await page.Locator("[data-testid=kpi-strip]").TextContentAsync());
        Assert.False(await OverflowsAsync(page));
        var strip = await page.EvaluateAsync<bool>("() => { const s = document.querySelector('[data-testid=kpi-strip]'); return s.scrollWidth > s.clientWidth; }");
        Assert.False(strip, "the strip's figures are cut off");
    }

    [Fact]
    public async Task ARecordIsAddedThroughTheFormAndAnEmptyTitleIsRefused()
    {
        var county = new CountyRecords(app.ConnectionString);
        var page = await OpenAsync("/kpi/records/activities", 1920, 1080);
        var title = page.Locator("[data-testid=field-title] input, input[data-testid=field-title]").First;
        const string Name = "端到端测试活动";

        await page.Locator("[data-testid=record-save]").ClickAsync();
        await page.Locator("[data-testid=record-errors]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM activity_records WHERE title = @title", ("title", Name)));

        await title.FillAsync(Name);
        await title.BlurAsync();
        await page.Locator("[data-testid=record-save]").ClickAsync();

        await page.Locator("[data-testid=record-table] tr", new PageLocatorOptions { HasText = Name }).WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM activity_records WHERE title = @title", ("title", Name)));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("kpi-records.png") });
    }
}
