using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Fences;

public partial class FencesPageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    private const string Name = "端到端测试禁区";

    [Fact]
    public async Task ADutyOfficerDrawsAnExclusionZoneOnTheMapAndSavesIt()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var page = await OpenAsync(user);
        var map = page.Locator("[data-testid=fence-map]");

        await page.Locator("[data-testid=fence-name]").FillAsync(Name);
        await page.Locator(".leaflet-pm-toolbar .leaflet-pm-icon-polygon").ClickAsync();
        var box = (await map.BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width * 0.45, box.Y + box.Height * 0.45);
        foreach (var (dx, dy) in new[] { (0, 0), (120, 0), (140, 110), (10, 120), (0, 0) })
        {
            await page.Mouse.ClickAsync((float)(x + dx), (float)(y + dy));
        }

        await Assertions.Expect(map).ToHaveAttributeAsync("data-drawn", "1");
        await page.Locator(".leaflet-pm-toolbar .leaflet-pm-icon-cut").ClickAsync();
        foreach (var (dx, dy) in new[] { (40, 40), (90, 45), (60, 85), (40, 40) })
        {
            await page.Mouse.ClickAsync((float)(x + dx), (float)(y + dy));
        }

        await Assertions.Expect(map).ToHaveAttributeAsync("data-rings", "2");
        await Assertions.Expect(page.Locator("[data-testid=fence-area]")).ToContainTextAsync("1");
        await page.Locator("[data-testid=fence-add-window]").ClickAsync();
        await page.Locator("[data-testid=fence-save]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=fence-list]")).ToContainTextAsync(Name);
        var stored = await StoredAsync(page);
        Assert.Equal("Exclusion", stored.GetProperty("kind").GetString());
        Assert.Equal("Polygon", stored.GetProperty("area").GetProperty("type").GetString());
        Assert.Equal(5, stored.GetProperty("area").GetProperty("coordinates")[0].GetArrayLength());
        Assert.Equal(2, stored.GetProperty("area").GetProperty("coordinates").GetArrayLength());
        var curfew = stored.GetProperty("schedule").GetProperty("windows")[0];
        Assert.Equal(("22:00", "06:00", 7), (curfew.GetProperty("start").GetString(), curfew.GetProperty("end").GetString(), curfew.GetProperty("days").GetArrayLength()));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("fences-1920x1080.png") });

        // A 4K desk monitor, scaled by its operating system to 200 %: the screenshot is 3840×2160 pixels.
        var sharp = await OpenAsync(user, pixelRatio: 2);
        await sharp.Locator("[data-testid=fence-list] tr", new() { HasText = Name }).ClickAsync();
        await Assertions.Expect(sharp.Locator("[data-testid=fence-name]")).ToHaveValueAsync(Name);
        await Assertions.Expect(sharp.Locator("[data-testid=fence-map]")).ToHaveAttributeAsync("data-drawn", "1");
        await sharp.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("fences-3840x2160.png") });

        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Empty(Chromium.ConsoleErrors);
    }

    [Fact]
    public async Task InEnglishARefusedImportSaysWhereAndAGoodOneIsListed()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        var page = await OpenAsync(user, path: "/culture?name=en&returnUrl=%2Ffences");
        var picker = page.Locator("[data-testid=fence-import]");

        await picker.SetInputFilesAsync(GeoJsonFile("Crossed zone", "[117.60,35.40],[117.61,35.41],[117.61,35.40],[117.60,35.41],[117.60,35.40]"));
        await Assertions.Expect(page.GetByText("feature 0, polygon 0, ring 0")).ToBeVisibleAsync();
        await picker.SetInputFilesAsync(GeoJsonFile("Imported arcade zone", "[117.60,35.40],[117.61,35.40],[117.61,35.41],[117.60,35.41]"));

        await Assertions.Expect(page.Locator("[data-testid=fence-list]")).ToContainTextAsync("Imported arcade zone");
        await Assertions.Expect(page.GetByText("Exclusion zone (stay out)").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("fences-en-1920x1080.png") });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=fence-export]").ClickAsync());
        Assert.Equal("fences.geojson", download.SuggestedFilename);
        Assert.Contains("Imported arcade zone", await File.ReadAllTextAsync((await download.PathAsync())!));
        Assert.Empty(Chromium.ConsoleErrors);
    }

    /// <summary>A one-feature exclusion zone file, as another GIS tool might write it.</summary>
    private static FilePayload GeoJsonFile(string name, string ring) => new()
    {
        Name = "zones.geojson",
        MimeType = "application/geo+json",
        Buffer = System.Text.Encoding.UTF8.GetBytes(
            $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"{{{name}}}","kind":"exclusion"},"geometry":{"type":"Polygon","coordinates":[[{{{ring}}}]]}}]}"""),
    };

    private async Task<IPage> OpenAsync(TestUser user, float pixelRatio = 1, string path = "/fences")
    {
        var page = await Chromium.NewPageAsync(1920, 1080, pixelRatio);
        await BlazorPage.SignInAsync(page, app.BaseAddress, user);
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, path));
        await Assertions.Expect(page.Locator("[data-testid=fence-map]")).ToHaveAttributeAsync("data-fences", Digits(), new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>The saved fence as the API gives it, read with the page's own sign-in.</summary>
    private static async Task<JsonElement> StoredAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), "/api/v1/fences/").ToString());
        Assert.True(response.Ok, $"the fences API answered {response.Status}");
        var fences = JsonDocument.Parse(await response.TextAsync()).RootElement;
        return fences.EnumerateArray().Single(f => f.GetProperty("name").GetString() == Name).Clone();
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();
}
