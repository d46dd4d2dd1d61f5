using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Phone;
using CommandCenter.TestSupport.Photos;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.SpotChecks;

public class SpotCheckFlowTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task AnOfficerSendsASpotCheckThePhoneAnswersItAndTheOfficerConfirmsThePhotoBesideTheRegisteredOne()
    {
        var subject = await county.ScalarAsync<int>("SELECT id FROM subjects WHERE status = 'InCorrection' AND home IS NOT NULL ORDER BY id LIMIT 1");
        var lon = await county.ScalarAsync<double>("SELECT ST_X(home) FROM subjects WHERE id = @s", ("s", subject));
        var lat = await county.ScalarAsync<double>("SELECT ST_Y(home) FROM subjects WHERE id = @s", ("s", subject));
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var serial = $"PH-{Guid.NewGuid():N}"[..20];
        var enrolled = await (await duty.Client.PostAsJsonAsync("/api/v1/devices/", new { serial, kind = "Phone", subjectId = subject })).Content.ReadFromJsonAsync<JsonElement>();
        using var phone = new PhoneClient(app.BaseAddress, serial, enrolled.GetProperty("key").GetString()!);
        using var registered = new MultipartFormDataContent { { new ByteArrayContent(ScenePhotos.Jpeg), "photo", "registered.jpg" } };
        Assert.Equal(HttpStatusCode.OK, (await duty.Client.PutAsync($"/api/v1/subjects/{subject}/registered-photo", registered)).StatusCode);

        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, $"/subjects/{subject}"));
        var panel = page.Locator("[data-testid=spot-checks]");
        await Assertions.Expect(panel).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(panel.Locator("[data-testid=spot-check-registered]")).ToBeVisibleAsync();

        await page.Locator("[data-testid=spot-check-send]").ClickAsync();
        await Assertions.Expect(panel.Locator("[data-testid=spot-check][data-standing=Waiting]")).ToHaveCountAsync(1);

        var checkId = Assert.Single(await phone.SpotChecksToAnswerAsync());
        Assert.Equal(HttpStatusCode.OK, (await phone.AnswerAsync(checkId, ScenePhotos.Jpeg, lon, lat)).StatusCode);

        // The open page shows the answer by itself: the officer does not reload it.
        await Assertions.Expect(panel.Locator("[data-testid=spot-check][data-standing=InTime]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(panel.Locator("[data-testid=spot-check-answer-photo]")).ToBeVisibleAsync();
        await panel.Locator("[data-testid=spot-check-confirm]").ClickAsync();
        await Assertions.Expect(panel.Locator("[data-testid=spot-check-judged]")).ToContainTextAsync("确认为本人");
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM spot_checks WHERE id = @id AND confirmed AND judged_by IS NOT NULL", ("id", checkId)));

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await panel.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("spot-checks-1920x1080.png") });
        await panel.ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.ScreenshotPath("spot-check-compare-1920x1080.png") });
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth"), "the subject page scrolls sideways");

        // A page opened at the wall's size, so that the map lays itself out for it.
        var large = await Chromium.NewPageAsync(3840, 2160);
        await BlazorPage.SignInAsync(large, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(large, new Uri(app.BaseAddress, $"/subjects/{subject}"));
        await Assertions.Expect(large.Locator("[data-testid=spot-check-judged]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await large.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("spot-checks-3840x2160.png") });
    }
}
