using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Data;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.Subjects;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Subjects;

public class WhoWasTherePageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    private const string Code = "T-E2E-WWT";

    [Fact]
    public async Task ADutyOfficerDrawsAnAreaAndFindsWhoWasInsideIt()
    {
        var subject = await TakeInWithOrderAsync();
        var user = await TestUsers.CreateAsync(app.Services, Roles.DutyOfficer);
        foreach (var (width, height, ratio, name) in new[] { (1920, 1080, 1f, "1920x1080"), (1920, 1080, 2f, "3840x2160") })
        {
            var page = await Chromium.NewPageAsync(width, height, ratio);
            await BlazorPage.SignInAsync(page, app.BaseAddress, user);
            await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/subjects/who-was-there"));
            var map = page.Locator("[data-testid=who-was-there-map]");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-mode", "area", new() { Timeout = 30_000 });

            await page.Locator(".leaflet-pm-toolbar .leaflet-pm-icon-polygon").ClickAsync();
            var box = (await map.BoundingBoxAsync())!;
            var (x, y) = (box.X + box.Width * 0.45, box.Y + box.Height * 0.45);
            foreach (var (dx, dy) in new[] { (0, 0), (120, 0), (140, 110), (10, 120), (0, 0) })
            {
                await page.Mouse.ClickAsync((float)(x + dx), (float)(y + dy));
            }

            await Assertions.Expect(map).ToHaveAttributeAsync("data-drawn", "1");
            var centre = (await map.GetAttributeAsync("data-centre"))!.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var fixTime = DateTimeOffset.UtcNow.AddHours(-2).AddMinutes(-ratio);
            await FixAsync(subject, fixTime, centre[0], centre[1]);

            await page.Locator("[data-testid=who-was-there-case] input").FillAsync($"（2026）临公刑字第{name}号");
            await page.Locator("[data-testid=who-was-there-search]").ClickAsync();

            await Assertions.Expect(page.Locator("[data-testid=who-was-there-table]")).ToContainTextAsync(Code);
            if (ratio == 1)
            {
                // The first search finds the one fix there is; the second may find the first one closer to its centre.
                await Assertions.Expect(page.Locator("[data-testid=who-was-there-table]"))
                    .ToContainTextAsync(fixTime.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            }

            await Assertions.Expect(map).ToHaveAttributeAsync("data-found", "1");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath($"who-was-there-{name}.png") });
        }

        Assert.Empty(Chromium.ConsoleErrors);
    }

    /// <summary>A subject with an approved order over the last days, put in straight as a past order cannot be requested.</summary>
    private async Task<int> TakeInWithOrderAsync()
    {
        using var duty = await app.SignInAsync(Roles.DutyOfficer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var created = await duty.Client.PostAsJsonAsync("/api/v1/subjects/", new Dictionary<string, object?>
        {
            ["code"] = Code, ["name"] = "测试某乙", ["idNumber"] = "371326198506159010", ["phone"] = "17000009998",
            ["correctionType"] = "Parole", ["supervisionLevel"] = "Ordinary", ["riskLevel"] = "Medium", ["squadId"] = 1,
            ["termStart"] = $"{today.AddMonths(-2):yyyy-MM-dd}", ["termEnd"] = $"{today.AddYears(2):yyyy-MM-dd}", ["intakeDate"] = $"{today.AddMonths(-2).AddDays(3):yyyy-MM-dd}",
            ["homeAddress"] = "平邑镇测试村2号", ["homeLatitude"] = 35.5, ["homeLongitude"] = 117.6,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CommandCenterDb>>().CreateDbContextAsync();
        db.PositioningOrders.Add(new PositioningOrder
        {
            SubjectId = id, Reason = PositioningReason.LeftCountyWithoutApproval, StartDate = today.AddDays(-10), EndDate = today.AddDays(20),
            Status = PositioningOrderStatus.Approved, RequestedBy = "test", RequestedAt = DateTimeOffset.UtcNow.AddDays(-11), DecidedBy = "commander", DecidedAt = DateTimeOffset.UtcNow.AddDays(-11),
        });
        await db.SaveChangesAsync();
        return id;
    }

    private Task FixAsync(int subject, DateTimeOffset at, double lat, double lon) => new CountyRecords(app.ConnectionString).ExecuteAsync(FormattableString.Invariant($"""
        INSERT INTO positions (device_id, fix_time, subject_id, received_at, location, accuracy_meters)
        VALUES ({1_000_000 + subject}, '{at:O}', {subject}, now(), ST_SetSRID(ST_MakePoint({lon}, {lat}), 4326), 8)
        """));
}
