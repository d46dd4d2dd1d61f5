using System.Globalization;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Devices;
using CommandCenter.Security;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Photos;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CommandCenter.EndToEnd.Tests.Desk;

/// <summary>
/// A squad leader in the field works an alert from a phone (390×844) and a tablet (768×1024): the queue, the
/// alert with its map, on scene and resolve with a note and a photo from the camera, the photos on the timeline.
/// Nothing scrolls sideways, every target is a thumb's size; the hall's desk keeps its two panes.
/// </summary>
public class PhoneDeskTests(DemoCountyApp app, ITestOutputHelper output) : BrowserTest, IClassFixture<DemoCountyApp>
{
    /// <summary>The smallest target a thumb hits reliably (Apple's and the W3C's 44 CSS pixels).</summary>
    private const double Thumb = 44;

    /// <summary>The smallest text read at arm's length.</summary>
    private const double SmallestText = 12;

    private readonly CountyRecords county = new(app.ConnectionString);

    private static readonly FilePayload Photo = new() { Name = "scene.jpg", MimeType = "image/jpeg", Buffer = ScenePhotos.Jpeg };

    /// <summary>A squad leader of the alert's squad, signed in on a touch screen of the given size, on the desk.</summary>
    private async Task<(IPage Page, long AlertId, string SubjectCode)> LeaderWithAnAlertAsync(int deviceIndex, int width, int height)
    {
        var (device, alertId) = await new ViolatingFixes(app.BaseAddress, app.ConnectionString).RaiseExitAsync(deviceIndex);
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM subjects WHERE id = @id", ("id", device.SubjectId));
        var page = await Chromium.NewPageAsync(width, height, touch: true);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, squad));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/desk"));
        return (page, alertId, device.SubjectCode);
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{where}: the page is {widths[0]} px wide in a {widths[1]} px window.");
    }

    /// <summary>Every visible target in <paramref name="targets"/> is at least a thumb high and wide.</summary>
    private async Task AssertTappableAsync(ILocator targets, string what)
    {
        var checkedCount = 0;
        foreach (var target in await targets.AllAsync())
        {
            if (await target.BoundingBoxAsync() is { Width: > 0 } box)
            {
                checkedCount++;
                Assert.True(box.Height >= Thumb && box.Width >= Thumb,
                    $"{what}: '{(await target.InnerTextAsync()).Trim()}' is {box.Width:0}×{box.Height:0} px.");
            }
        }

        Assert.True(checkedCount > 0, $"{what}: nothing visible to check.");
        output.WriteLine($"{what}: {checkedCount} targets of at least {Thumb} px");
    }

    /// <summary>No visible text on the desk is set smaller than <see cref="SmallestText"/>.</summary>
    private async Task AssertLegibleAsync(IPage page, string where)
    {
        var smallest = await page.EvaluateAsync<double>("""
            () => Math.min(...[...document.querySelectorAll('[data-testid=desk] *')]
                .filter(e => e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                .map(e => parseFloat(getComputedStyle(e).fontSize)))
            """);
        Assert.True(smallest >= SmallestText, $"{where}: text as small as {smallest} px.");
        output.WriteLine($"{where}: smallest text {smallest} px");
    }

    private static async Task ShootAsync(IPage page, string name, bool fullPage = false) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath(name), FullPage = fullPage });

    [Fact]
    public async Task ASquadLeaderWorksAnAlertFromAPhoneWithANoteAndPhotosFromTheScene()
    {
        var (phone, alertId, code) = await LeaderWithAnAlertAsync(41, 390, 844);

        // The queue: the whole width, one alert a tap.
        var queued = phone.Locator($"[data-testid=queue-item][data-alert-id='{alertId}']");
        await Assertions.Expect(queued).ToContainTextAsync(code);
        await AssertNoSidewaysScrollAsync(phone, "queue");
        await AssertTappableAsync(phone.Locator("[data-testid=queue-item]"), "queue items");
        await AssertTappableAsync(phone.Locator(".desk-nav a"), "navigation links");
        await AssertTappableAsync(phone.Locator("[data-testid=desk-queue] .mud-input-outlined"), "queue filters");
        await AssertLegibleAsync(phone, "queue");
        await ShootAsync(phone, "desk-queue-390x844.png");

        // The alert replaces the queue; the map is there, half the screen high.
        await queued.TapAsync();
        var opened = phone.Locator($"[data-testid=alert-case][data-alert-id='{alertId}']");
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Raised");
        await Assertions.Expect(phone.Locator("[data-testid=case-map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 15_000 });
        await Assertions.Expect(queued).ToBeHiddenAsync();
        var map = (await phone.Locator("[data-testid=case-map]").BoundingBoxAsync())!;
        Assert.True(map.Width >= 350 && map.Height >= 300, $"The map is {map.Width:0}×{map.Height:0} px.");
        await AssertNoSidewaysScrollAsync(phone, "opened alert");
        await AssertTappableAsync(phone.Locator("[data-testid=case-actions] button"), "step buttons");
        await AssertTappableAsync(phone.Locator("[data-testid=case-actions] .mud-input-outlined"), "squad and note fields");
        await ShootAsync(phone, "desk-alert-390x844.png");

        await phone.Locator("[data-testid=action-acknowledge]").TapAsync();
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Acknowledged");
        await phone.Locator("[data-testid=action-dispatch]").TapAsync();
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Dispatched");

        // On scene: a note and a photo from the camera.
        var camera = phone.Locator("[data-testid=photo-input]");
        Assert.Equal("environment", await camera.GetAttributeAsync("capture"));
        await AssertTappableAsync(phone.Locator("[data-testid=photo-pick]"), "camera button");
        await phone.Locator("[data-testid=action-note]").FillAsync("到达现场，对象在家");
        await camera.SetInputFilesAsync(Photo);
        await Assertions.Expect(phone.Locator("[data-testid=photo-chosen]")).ToContainTextAsync("scene.jpg");
        await AssertNoSidewaysScrollAsync(phone, "photo chosen");
        await phone.Locator("[data-testid=action-on-scene]").TapAsync();
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "OnScene");
        await Assertions.Expect(phone.Locator("[data-testid=photo-chosen]")).ToHaveCountAsync(0);

        // Resolve: the suggested disposition, a note, another photo.
        await phone.Locator("[data-testid=action-resolve]").TapAsync();
        await Assertions.Expect(phone.Locator("[data-testid=resolve-form]")).ToBeVisibleAsync();
        await AssertTappableAsync(phone.Locator("[data-testid=resolve-form] button"), "resolve form");
        await phone.Locator("[data-testid=action-note]").FillAsync("已当面训诫，对象返回居住地");
        await camera.SetInputFilesAsync(Photo);
        await Assertions.Expect(phone.Locator("[data-testid=photo-chosen]")).ToBeVisibleAsync();
        await phone.Locator("[data-testid=resolve-confirm]").TapAsync();
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Resolved");

        // The timeline shows both photos, loaded, each beside its step.
        var photos = phone.Locator("[data-testid=timeline-photo]");
        await Assertions.Expect(photos).ToHaveCountAsync(2);
        foreach (var photo in await photos.AllAsync())
        {
            await Assertions.Expect(photo).ToHaveJSPropertyAsync("naturalWidth", 96);
        }

        await Assertions.Expect(phone.Locator("[data-testid=timeline-step][data-kind=OnScene] [data-testid=timeline-photo]")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.Locator("[data-testid=timeline-step][data-kind=Resolved] [data-testid=timeline-photo]")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.Locator("[data-testid=case-timeline]")).ToContainTextAsync("到达现场，对象在家");
        await AssertNoSidewaysScrollAsync(phone, "resolved alert");
        await AssertLegibleAsync(phone, "resolved alert");
        await phone.Locator("[data-testid=case-timeline]").ScrollIntoViewIfNeededAsync();
        await ShootAsync(phone, "desk-alert-resolved-390x844.png");
        Assert.Equal(2, await county.CountAsync("SELECT count(*) FROM alert_photos WHERE alert_id = @id", ("id", alertId)));
        Assert.Equal(2, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE target = @t AND detail LIKE '%with photo sha256:%'", ("t", $"alert:{alertId}")));

        // Back to the queue, where the closed alert is gone.
        await phone.Locator("[data-testid=back-to-queue]").TapAsync();
        await Assertions.Expect(phone.Locator("[data-testid=desk-queue]")).ToBeVisibleAsync();
        await Assertions.Expect(queued).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheHallsDeskSeesTheSquadLeadersPhotosAsThumbnailsOnTheTimeline()
    {
        var (_, alertId) = await new ViolatingFixes(app.BaseAddress, app.ConnectionString).RaiseExitAsync(45);
        await county.ScalarAsync<int>("UPDATE alerts SET state = 'Dispatched', dispatched_squad_id = squad_id WHERE id = @id RETURNING 1", ("id", alertId));
        var squad = await county.ScalarAsync<int>("SELECT squad_id FROM alerts WHERE id = @id", ("id", alertId));
        using (var leader = await FormSignIn.SignInAsync(app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.SquadLeader, squad), TimeProvider.System))
        {
            using var form = new MultipartFormDataContent { { new StringContent("到场，现场照片两张之一"), "note" }, { new ByteArrayContent(ScenePhotos.Jpeg), "photo", "scene.jpg" } };
            Assert.True((await leader.Client.PostAsync($"/api/v1/alerts/{alertId}/on-scene", form)).IsSuccessStatusCode);
        }

        var desk = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(desk, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(desk, new Uri(app.BaseAddress, $"/desk?alert={alertId}"));

        var photo = desk.Locator("[data-testid=timeline-step][data-kind=OnScene] [data-testid=timeline-photo]");
        await Assertions.Expect(photo).ToHaveJSPropertyAsync("naturalWidth", 96);
        var thumbnail = (await photo.BoundingBoxAsync())!;
        Assert.True(thumbnail.Height <= 80, $"The thumbnail is {thumbnail.Width:0}×{thumbnail.Height:0} px.");
        await Assertions.Expect(desk.Locator("[data-testid=case-map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 15_000 });
        await ShootAsync(desk, "desk-alert-photo-1920x1080.png");
    }

    [Fact]
    public async Task OnATabletTheAlertFitsAndAFileThatIsNotAJpegIsRefusedInPlainWords()
    {
        var (tablet, alertId, _) = await LeaderWithAnAlertAsync(42, 768, 1024);
        await county.ScalarAsync<int>("UPDATE alerts SET state = 'Dispatched', dispatched_squad_id = squad_id WHERE id = @id RETURNING 1", ("id", alertId));
        await AssertNoSidewaysScrollAsync(tablet, "queue");
        await ShootAsync(tablet, "desk-queue-768x1024.png");

        await tablet.Locator($"[data-testid=queue-item][data-alert-id='{alertId}']").TapAsync();
        var opened = tablet.Locator($"[data-testid=alert-case][data-alert-id='{alertId}']");
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Dispatched");
        await Assertions.Expect(tablet.Locator("[data-testid=case-map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 15_000 });
        await AssertNoSidewaysScrollAsync(tablet, "opened alert");
        await AssertTappableAsync(tablet.Locator("[data-testid=case-actions] button"), "step buttons");

        await tablet.Locator("[data-testid=photo-input]").SetInputFilesAsync(new FilePayload { Name = "scene.jpg", MimeType = "image/jpeg", Buffer = ScenePhotos.Png });
        await Assertions.Expect(tablet.Locator("[data-testid=photo-error]")).ToContainTextAsync("不是 JPEG");
        await tablet.Locator("[data-testid=photo-input]").SetInputFilesAsync(Photo);
        await Assertions.Expect(tablet.Locator("[data-testid=photo-error]")).ToHaveCountAsync(0);
        await tablet.Locator("[data-testid=action-on-scene]").TapAsync();
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "OnScene");
        await Assertions.Expect(tablet.Locator("[data-testid=timeline-photo]")).ToHaveJSPropertyAsync("naturalWidth", 96);
        await AssertNoSidewaysScrollAsync(tablet, "photo on the timeline");
        await ShootAsync(tablet, "desk-alert-768x1024.png", fullPage: true);
    }

    [Theory]
    [InlineData(1, "1920x1080")]
    [InlineData(2, "3840x2160")]
    public async Task AtTheHallsSizesTheDeskKeepsTheQueueBesideTheAlert(float pixelRatio, string size)
    {
        var (device, alertId) = await new ViolatingFixes(app.BaseAddress, app.ConnectionString).RaiseExitAsync(pixelRatio == 1 ? 43 : 44);
        var desk = await Chromium.NewPageAsync(1920, 1080, pixelRatio);
        await BlazorPage.SignInAsync(desk, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer));
        await BlazorPage.OpenAsync(desk, new Uri(app.BaseAddress, "/desk"));
        var queued = desk.Locator($"[data-testid=queue-item][data-alert-id='{alertId}']");
        await Assertions.Expect(queued).ToContainTextAsync(device.SubjectCode);
        await ShootAsync(desk, $"desk-queue-{size}.png");

        await queued.ClickAsync();
        await Assertions.Expect(desk.Locator("[data-testid=case-map]")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 15_000 });
        await ShootAsync(desk, $"desk-alert-{size}.png");

        // Side by side, no page scroll, no back button: the hall's desk as it was.
        var queue = (await queued.BoundingBoxAsync())!;
        var opened = (await desk.Locator("[data-testid=alert-case]").BoundingBoxAsync())!;
        Assert.True(queue.X + queue.Width < opened.X, $"The queue ends at {queue.X + queue.Width:0} px, the alert starts at {opened.X:0} px.");
        Assert.True(opened.Y + opened.Height <= 1080, $"The alert ends at {opened.Y + opened.Height:0} px.");
        await Assertions.Expect(desk.Locator("[data-testid=back-to-queue]")).ToBeHiddenAsync();
        await AssertNoSidewaysScrollAsync(desk, size);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size}: queue {queue.Width:0} px wide, alert {opened.Width:0}×{opened.Height:0} px"));
    }
}
