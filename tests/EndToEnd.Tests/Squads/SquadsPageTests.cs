using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Squads;

/// <summary>A fresh site (no demo data) whose county is set: the commander lays out its squads on the map.</summary>
public class SquadsPageTests(CommandCenterApp app) : BrowserTest, IClassFixture<CommandCenterApp>
{
    private const string West = "城西中队";
    private const string East = "城东中队";

    [Fact]
    public async Task TheCommanderDrawsTwoSquadsSeesTheGapAnOverlapRefusedAndTheGapClosed()
    {
        await new CountyRecords(app.ConnectionString).ExecuteAsync("""
            INSERT INTO admin_areas (code, name, role, boundary) VALUES ('379901', '测试县', 'County',
                ST_Multi(ST_MakeEnvelope(117.40, 35.30, 117.90, 35.60, 4326)))
            ON CONFLICT (code) DO NOTHING
            """);
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        var map = page.Locator("[data-testid=squad-map]");
        async Task<LocatorBoundingBoxResult> OpenAsync(int squads)
        {
            await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/squads"));
            await Assertions.Expect(map).ToHaveAttributeAsync("data-squads", $"{squads}", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-testid=squad-gap]")).ToBeVisibleAsync();

            // One step out, so the county sits in the middle half of the map and each squad can reach past its line.
            return await SquadMapSteps.ZoomOutOnceAsync(page, map);
        }

        var box = await OpenAsync(0);
        async Task DrawAsync(double left, double right)
        {
            // Every area here is drawn on an empty draft. Clearing it goes round the circuit, and a clear that lands
            // after the tool is picked would end the drawing half way, while a "1" left from the last area would
            // already pass the check below.
            await Assertions.Expect(map).ToHaveAttributeAsync("data-drawn", "0");
            await page.Locator(".leaflet-pm-toolbar .leaflet-pm-icon-polygon").ClickAsync();
            foreach (var (x, y) in new[] { (left, 0.05), (right, 0.05), (right, 0.95), (left, 0.95), (left, 0.05) })
            {
                await page.Mouse.ClickAsync((float)(box.X + box.Width * x), (float)(box.Y + box.Height * y));
            }

            await Assertions.Expect(map).ToHaveAttributeAsync("data-drawn", "1");
        }

        async Task FillAsync(string code, string name, double baseX)
        {
            await page.Locator("[data-testid=squad-new]").ClickAsync();
            await page.Locator("[data-testid=squad-code]").FillAsync(code);
            await page.Locator("[data-testid=squad-name]").FillAsync(name);
            await page.Locator("[data-testid=squad-leader]").FillAsync("测试队长");
            await page.Locator("[data-testid=squad-phone]").FillAsync("0539-000-0001");
            await SquadMapSteps.PickBaseAsync(page, map, box, baseX, 0.5);
            await Assertions.Expect(page.Locator("[data-testid=squad-base]")).ToContainTextAsync("35.");
        }

        await FillAsync("W1", West, 0.3);
        await DrawAsync(0.05, 0.5);
        await page.Locator("[data-testid=squad-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=squad-list]")).ToContainTextAsync(West);
        await Assertions.Expect(page.Locator("[data-testid=squad-gap]")).ToBeVisibleAsync();

        // After a save the editor zooms to the saved squad: open the page afresh so the fractions hold the county again.
        box = await OpenAsync(1);
        await FillAsync("E1", East, 0.75);
        await DrawAsync(0.6, 0.95);
        await page.Locator("[data-testid=squad-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=squad-list]")).ToContainTextAsync(East);
        await Assertions.Expect(page.Locator("[data-testid=squad-gap]")).ToBeVisibleAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-gap", "1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-squads-gap-1920x1080.png") });

        // Stretched over the western squad's area: refused, naming it.
        await page.Locator("[data-testid=squad-clear-area]").ClickAsync();
        await DrawAsync(0.4, 0.95);
        await page.Locator("[data-testid=squad-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=squad-area-error]")).ToContainTextAsync(West);

        // Drawn up to the western squad's edge: the county is covered and the warning goes.
        await page.Locator("[data-testid=squad-clear-area]").ClickAsync();
        await DrawAsync(0.5, 0.95);
        await page.Locator("[data-testid=squad-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=squad-gap]")).ToHaveCountAsync(0);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-gap", "0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("site-squads-1920x1080.png") });

        Assert.Empty(Chromium.ConsoleErrors);
    }
}
