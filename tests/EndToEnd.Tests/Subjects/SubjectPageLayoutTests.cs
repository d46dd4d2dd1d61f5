using System.Text.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Subjects;

public class SubjectPageLayoutTests(DemoCountyApp app) : BrowserTest, IClassFixture<DemoCountyApp>
{
    /// <summary>The subject page's panels as a squad leader sees them: the record's own and those other features add.</summary>
    private static readonly string[] Panels = ["subject-card", "orders", "co-defendants", "leave-permits", "check-ins", "spot-checks", "track-controls"];

    /// <summary>The smallest a thing to tap may be on a phone (Apple's and Material's guidance, in CSS pixels).</summary>
    private const double SmallestTap = 44;

    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task OnASquadLeadersPhoneThePanelsStackInOneColumnWithNothingCutOffAndButtonsLargeEnoughToTap()
    {
        var page = await OpenAsSquadLeaderAsync(390, 844, touch: true);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"),
            $"the page scrolls sideways: {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide in a 390 px screen");
        var boxes = await BoxesAsync(page);
        foreach (var (panel, box) in boxes)
        {
            Assert.True(box.X >= 0 && box.X + box.Width <= 390.5, $"{panel} is cut off: {box.X:0.#} to {box.X + box.Width:0.#} px");
        }

        // One column: every panel starts at the same left edge and has the column's width, none beside another.
        var first = boxes[0].Box;
        Assert.All(boxes, b => Assert.InRange(b.Box.X, first.X - 1, first.X + 1));
        Assert.All(boxes, b => Assert.InRange(b.Box.Width, first.Width - 1, first.Width + 1));
        var downwards = boxes.OrderBy(b => b.Box.Y).ToList();
        Assert.All(downwards.Zip(downwards.Skip(1)), pair => Assert.True(pair.Second.Box.Y >= pair.First.Box.Y + pair.First.Box.Height - 1,
            $"{pair.Second.Panel} is not below {pair.First.Panel}"));

        // The track's map keeps its own height above its controls rather than sliding under them.
        var map = await BoxAsync(page, "subject-map");
        var controls = await BoxAsync(page, "track-controls");
        Assert.True(map.Height >= 300, $"the map is {map.Height:0} px high");
        Assert.True(map.Y + map.Height <= controls.Y + 1, $"the map ({map.Y:0} to {map.Y + map.Height:0} px) runs into the track's controls at {controls.Y:0} px");

        var small = await page.EvaluateAsync<string[]>("""
            (size) => [...document.querySelectorAll('[data-testid=subject-page] button, [data-testid=subject-page] a[href]')]
                .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
                .map(e => ({ e, r: e.getBoundingClientRect() }))
                .filter(({ r }) => r.width < size || r.height < size)
                .map(({ e, r }) => `${e.dataset.testid ?? e.getAttribute('aria-label') ?? e.textContent.trim()} ${Math.round(r.width)}x${Math.round(r.height)}`)
            """, SmallestTap);
        Assert.True(small.Length == 0, $"too small to tap: {string.Join(", ", small)}");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-page-390x844.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-page-390x844-full.png"), FullPage = true });
    }

    [Theory]
    [InlineData(1, "1920x1080")]
    [InlineData(2, "3840x2160")]
    public async Task OnADeskMonitorTheRecordTheSupervisionAndTheMapStandSideBySide(float pixelRatio, string name)
    {
        var page = await OpenAsSquadLeaderAsync(1920, 1080, pixelRatio: pixelRatio);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways");
        var boxes = (await BoxesAsync(page)).ToDictionary(b => b.Panel, b => b.Box);
        Assert.True(boxes["leave-permits"].X >= boxes["subject-card"].X + boxes["subject-card"].Width, "the supervision panels are not beside the record");
        Assert.True(boxes["track-controls"].X >= boxes["leave-permits"].X + boxes["leave-permits"].Width, "the map is not beside the supervision panels");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"subject-page-{name}.png") });
    }

    private async Task<IPage> OpenAsSquadLeaderAsync(int width, int height, float pixelRatio = 1, bool touch = false)
    {
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects GROUP BY squad_id ORDER BY count(*) DESC LIMIT 1");
        var subject = await county.ScalarAsync<int>("SELECT id FROM subjects WHERE squad_id = @q ORDER BY id LIMIT 1", ("q", squad));
        var leader = await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, squad);
        var page = await Chromium.NewPageAsync(width, height, pixelRatio, touch);
        await BlazorPage.SignInAsync(page, app.BaseAddress, user: leader);
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/subjects/{subject}"));
        foreach (var panel in Panels)
        {
            await Assertions.Expect(page.Locator($"[data-testid={panel}]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        return page;
    }

    private static async Task<List<(string Panel, Box Box)>> BoxesAsync(IPage page)
    {
        var boxes = new List<(string, Box)>();
        foreach (var panel in Panels)
        {
            boxes.Add((panel, await BoxAsync(page, panel)));
        }

        return boxes;
    }

    /// <summary>Where an element is on the page (not the screen), so that boxes measured at any scroll compare.</summary>
    private static async Task<Box> BoxAsync(IPage page, string testId)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "(id) => { const r = document.querySelector(`[data-testid=${id}]`).getBoundingClientRect(); return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height }; }", testId);
        return new Box(json.GetProperty("x").GetDouble(), json.GetProperty("y").GetDouble(), json.GetProperty("width").GetDouble(), json.GetProperty("height").GetDouble());
    }

    private sealed record Box(double X, double Y, double Width, double Height);
}
