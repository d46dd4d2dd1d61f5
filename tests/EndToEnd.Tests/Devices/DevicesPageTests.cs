using System.Net;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Devices;

public class DevicesPageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task TheCommanderEnrolsAPhoneAndItsKeyFromThePageIsAcceptedThroughOsmAnd()
    {
        var subjectCode = await county.ScalarAsync<string>("SELECT code FROM subjects WHERE status = 'InCorrection' ORDER BY code LIMIT 1");
        var serial = $"TC{Random.Shared.Next(100_000, 999_999)}";
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/devices"));

        await page.Locator("[data-testid=enrol-serial]").FillAsync(serial);
        await page.Locator("[data-testid=enrol-subject]").FillAsync(subjectCode);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = subjectCode }).First.ClickAsync();
        await page.Locator("[data-testid=enrol-save]").ClickAsync();

        var key = (await page.Locator("[data-testid=issued-key]").InnerTextAsync(new() { Timeout = 30_000 })).Trim();
        var url = (await page.Locator("[data-testid=issued-url]").InnerTextAsync()).Trim();
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/osmand?key=", url, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(key), url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("devices-key-1920x1080.png") });

        // Traccar Client appends its fix to the server URL it was given.
        using var phone = new HttpClient();
        var fix = $"&id={serial}&lat={Fixes.InsideLatitude}&lon={Fixes.InsideLongitude}&timestamp={TimeProvider.System.GetUtcNow().AddSeconds(-2).ToUnixTimeMilliseconds()}";
        var response = await phone.GetAsync(url + fix);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM positions p JOIN devices d ON d.id = p.device_id WHERE d.serial = @s", ("s", serial)));

        await page.Locator("[data-testid=key-close]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=issued-key]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"tr[data-serial='{serial}']")).ToBeVisibleAsync();
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("devices-1920x1080.png") });
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedSenderIsEnrolledFromTheListWithItsSerialFilledIn()
    {
        var serial = $"UNK{Random.Shared.Next(100_000, 999_999)}";
        using var phone = new HttpClient { BaseAddress = app.BaseAddress };
        var refused = await phone.GetAsync($"/osmand?id={serial}&key=nothing&lat={Fixes.InsideLatitude}&lon={Fixes.InsideLongitude}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/site/devices"));
        await page.Locator($"tr[data-refused='{serial}'] [data-testid=enrol-refused]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=enrol-serial]")).ToHaveValueAsync(serial);
    }
}
