using System.Net;
using System.Net.Http.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Map;

/// <summary>Names users type (a fence's, a camera's) reach the maps' tooltips as text, never as markup.</summary>
public class UserTextOnMapsTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    private const string Markup = "<img src=x onerror=window.__xss=1><b>x</b>";

    [Fact]
    public async Task AFenceNamedWithMarkupShowsThatMarkupAsTextInItsTooltip()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var (lat, lon) = await CountyCentre.ReadAsync(duty.Client);
        const double half = 0.01;
        double[][] ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]];
        var name = $"禁区 {Markup}";
        var created = await duty.Client.PostAsJsonAsync("/api/v1/fences/", new
        {
            name,
            kind = "Exclusion",
            area = new { type = "Polygon", coordinates = new[] { ring } },
            bufferMeters = 0,
            scope = "AllSubjects",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await OpenAsync("/fences");
        var map = page.Locator("[data-testid=fence-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-fences", new System.Text.RegularExpressions.Regex(@"^[1-9]\d*$"), new() { Timeout = 30_000 });

        await HoverCentreAsync(page, map, "禁区");

        await AssertShownAsTextAsync(page, name);
    }

    [Fact]
    public async Task ACameraNamedWithMarkupShowsThatMarkupAsTextInItsTooltip()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var (lat, lon) = await CountyCentre.ReadAsync(duty.Client);
        var created = await duty.Client.PostAsJsonAsync("/api/v1/cameras/", new { code = "CAM-XSS", name = Markup, latitude = lat, longitude = lon, online = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await OpenAsync("/cameras");
        var map = page.Locator("[data-testid=camera-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cameras", new System.Text.RegularExpressions.Regex(@"^[1-9]\d*$"), new() { Timeout = 30_000 });

        await HoverCentreAsync(page, map, "CAM-XSS");

        await AssertShownAsTextAsync(page, $"CAM-XSS {Markup}");
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, path));
        return page;
    }

    // The map is fitted to the county, so the county's centre is the middle of the map element. The map
    // may still be settling (a late resize refits it): the pointer comes again until the tooltip opens.
    private static async Task HoverCentreAsync(IPage page, ILocator map, string label)
    {
        var tooltip = page.Locator(".leaflet-tooltip", new PageLocatorOptions { HasText = label });
        for (var attempt = 0; attempt < 20 && await tooltip.CountAsync() == 0; attempt++)
        {
            var box = (await map.BoundingBoxAsync())!;
            var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
            await page.Mouse.MoveAsync(x - 40, y - 40);
            await page.Mouse.MoveAsync(x, y, new MouseMoveOptions { Steps = 5 });
            await page.WaitForTimeoutAsync(250);
        }
    }

    private static async Task AssertShownAsTextAsync(IPage page, string text)
    {
        var tooltip = page.Locator(".leaflet-tooltip", new PageLocatorOptions { HasText = "<b>x</b>" });
        await Assertions.Expect(tooltip).ToHaveCountAsync(1);
        Assert.Equal(text, await tooltip.TextContentAsync());
        Assert.Equal(0, await page.Locator(".leaflet-tooltip img, .leaflet-tooltip b, img[src=x]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "the name's onerror handler ran");
    }
}
