using System.Globalization;
using System.Net;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.EndToEnd.Tests.Squads;
using CommandCenter.Security;
using CommandCenter.Subjects;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CommandCenter.EndToEnd.Tests.Site;

/// <summary>
/// A county set up from an empty site (demo off) through the pages alone, as a new site's commander does it: the
/// county, the squads, the accounts, the people, a phone; then the hall at work on what was set up, from a fix on the
/// wall to an exit dispatched to the squad whose leader sees it on their desk.
/// </summary>
public class FreshSiteTests(CommandCenterApp app) : BrowserTest, IClassFixture<CommandCenterApp>
{
    private const string West = "城西中队";
    private const string East = "城东中队";
    private const string DutyOfficer = "zhiban01";
    private const string SquadLeader = "zhongdui01";

    private static readonly string[] ImportHeaders =
        ["社区矫正对象编号", "姓名", "身份证号", "联系电话", "矫正类别", "矫正起始日期", "矫正终止日期", "所属中队", "管理等级", "风险等级", "居住地址"];

    private readonly CountyRecords county = new(app.ConnectionString);

    private Uri At(string path) => new(app.BaseAddress, path);

    [Fact]
    public async Task ACommanderSetsUpAnEmptySiteThroughItsPagesAndTheHallWorksAnExitOnIt()
    {
        // The first commander, created as `admin create` creates one: a password and no authenticator yet.
        var commander = await Chromium.NewPageAsync(1920, 1080);
        var firstCommander = await TestUsers.CreateAsync(app.Services, Roles.Commander, enrolSecondFactor: false);
        var enrolled = await BlazorPage.SignInAsync(commander, app.BaseAddress, firstCommander);
        Assert.NotNull(enrolled);
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM \"AspNetUsers\" WHERE user_name = @n AND two_factor_enabled", ("n", firstCommander.UserName)));

        await BlazorPage.OpenAsync(commander, At("/site"));
        foreach (var step in new[] { "County", "Squads", "People", "Devices", "Users", "Settings" })
        {
            await Assertions.Expect(commander.GetByTestId($"step-{step}")).ToHaveAttributeAsync("data-done", "false");
        }

        await commander.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("fresh-site-checklist-start-1920x1080.png") });

        await PickPingyiAsync(commander);
        var (westId, _) = await DrawTwoSquadsAsync(commander);
        var (dutyPassword, leaderPassword) = await CreateAccountsAsync(commander);

        var person = await ImportFivePeopleAsync(commander);

        // The duty officer's first sign-in: their own password first, then the desk.
        var duty = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInWithInitialPasswordAsync(duty, app.BaseAddress, DutyOfficer, dutyPassword, "Duty-own-pass-2026");
        await PositioningOrderAsync(duty, commander, person.Id);
        var (serial, key) = await EnrolPhoneAsync(commander, person.Code);

        // The shipped settings suit this county: the commander reviews them and keeps the defaults.
        await BlazorPage.OpenAsync(commander, At("/site/settings"));
        await Assertions.Expect(commander.Locator("[data-testid=settings-page][data-ready=true]")).ToBeVisibleAsync();
        await commander.GetByTestId("settings-save").ClickAsync();
        await Assertions.Expect(commander.Locator("[data-testid=settings-page][data-version='1']")).ToBeVisibleAsync();

        await BlazorPage.OpenAsync(commander, At("/site"));
        foreach (var step in new[] { "County", "Squads", "People", "Devices", "Users", "Settings" })
        {
            await Assertions.Expect(commander.GetByTestId($"step-{step}")).ToHaveAttributeAsync("data-done", "true");
        }

        await commander.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("fresh-site-checklist-end-1920x1080.png") });

        // The phone reports from inside the county: the wall shows the one person who may be located.
        await BlazorPage.OpenAsync(commander, At("/"));
        var wallMap = commander.GetByTestId("wall-map");
        await Assertions.Expect(wallMap).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(wallMap).ToHaveAttributeAsync("data-connection", "connected");
        using var phone = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(phone, serial, key, Fixes.InsideLatitude, Fixes.InsideLongitude, TimeSpan.FromSeconds(-3))).StatusCode);
        await Assertions.Expect(wallMap).ToHaveAttributeAsync("data-markers", "1");
        Assert.Equal(1, await county.CountAsync("SELECT count(*) FROM latest_positions WHERE subject_id = @s", ("s", person.Id)));
        await commander.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("fresh-site-wall-person-1920x1080.png") });

        // Two fixes beyond the county line confirm an exit.
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(phone, serial, key, Fixes.OutsideLatitude, Fixes.OutsideLongitude, TimeSpan.FromSeconds(-2))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(phone, serial, key, Fixes.OutsideLatitude, Fixes.OutsideLongitude, TimeSpan.FromSeconds(-1))).StatusCode);
        var alertId = await county.ScalarAsync<long>("SELECT id FROM alerts WHERE subject_id = @s AND rule = 'ZoneExit'", ("s", person.Id));
        await Assertions.Expect(commander.Locator($"[data-testid=alert-item][data-alert-id='{alertId}']")).ToBeVisibleAsync();

        // The duty officer opens it on the desk and sends the person's squad.
        await BlazorPage.OpenAsync(duty, At("/desk"));
        await duty.Locator($"[data-testid=queue-item][data-alert-id='{alertId}']").ClickAsync();
        var opened = duty.Locator($"[data-testid=alert-case][data-alert-id='{alertId}']");
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Raised");
        await Assertions.Expect(opened).ToContainTextAsync("越界");
        await Assertions.Expect(duty.GetByTestId("case-map")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
        await duty.GetByTestId("action-acknowledge").ClickAsync();
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Acknowledged");
        await duty.Locator($"[data-testid=suggested-squad][data-squad-id='{westId}'] [data-testid=dispatch-suggested]").ClickAsync();
        await Assertions.Expect(opened).ToHaveAttributeAsync("data-state", "Dispatched");
        await duty.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("fresh-site-desk-alert-1920x1080.png") });

        // The squad leader's first sign-in leads to their desk, where the dispatched exit waits.
        var leader = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInWithInitialPasswordAsync(leader, app.BaseAddress, SquadLeader, leaderPassword, "Leader-own-pass-2026");
        await BlazorPage.OpenAsync(leader, At("/desk"));
        var theirs = leader.Locator($"[data-testid=queue-item][data-alert-id='{alertId}']");
        await Assertions.Expect(theirs).ToHaveAttributeAsync("data-state", "Dispatched", new() { Timeout = 30_000 });
        await theirs.ClickAsync();
        await Assertions.Expect(leader.Locator($"[data-testid=alert-case][data-alert-id='{alertId}']")).ToHaveAttributeAsync("data-state", "Dispatched");
        await Assertions.Expect(leader.GetByTestId("case-map")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
        await leader.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("fresh-site-squad-desk-1920x1080.png") });

        Assert.Equal(westId, await county.ScalarAsync<int>("SELECT squad_id FROM alert_events WHERE alert_id = @a AND kind = 'Dispatched'", ("a", alertId)));
        Assert.DoesNotContain(Chromium.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    private async Task PickPingyiAsync(IPage page)
    {
        await page.GetByTestId("step-link-County").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/site/county", StringComparison.Ordinal));
        await page.GetByTestId("county-page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.GetByTestId("county-search").FillAsync("371326");
        await page.GetByTestId("county-search-button").ClickAsync();

        // The first search of a process may have to read every shipped file before it answers.
        await page.GetByTestId("county-result-371326").ClickAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("county-preview-map")).ToContainTextAsync("平邑县", new() { Timeout = 30_000 });
        await page.GetByTestId("county-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-county")).ToContainTextAsync("371326", new() { Timeout = 30_000 });
    }

    /// <summary>Two squads, the west and the east half of the map around the county, sharing one edge. Answers their ids.</summary>
    private async Task<(int West, int East)> DrawTwoSquadsAsync(IPage page)
    {
        var map = page.GetByTestId("squad-map");

        // Each squad on a freshly opened page: after a save the editor zooms to the saved squad, so the map box
        // would no longer hold the county where the fractions below expect it.
        async Task<LocatorBoundingBoxResult> OpenAsync(int squads)
        {
            await BlazorPage.OpenAsync(page, At("/site/squads"));
            await Assertions.Expect(map).ToHaveAttributeAsync("data-squads", $"{squads}", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("squad-gap")).ToBeVisibleAsync();

            // One step out, so that the county sits in the middle of the map and each half reaches past its line.
            return await SquadMapSteps.ZoomOutOnceAsync(page, map);
        }

        async Task AddAsync(string code, string name, double left, double right, int existing)
        {
            var box = await OpenAsync(existing);
            await page.GetByTestId("squad-new").ClickAsync();
            await page.GetByTestId("squad-code").FillAsync(code);
            await page.GetByTestId("squad-name").FillAsync(name);
            await page.GetByTestId("squad-leader").FillAsync("测试队长");
            await page.GetByTestId("squad-phone").FillAsync("0539-000-0001");
            await SquadMapSteps.PickBaseAsync(page, map, box, (left + right) / 2, 0.5);
            await Assertions.Expect(page.GetByTestId("squad-base")).ToContainTextAsync("35.");

            await page.Locator(".leaflet-pm-toolbar .leaflet-pm-icon-polygon").ClickAsync();
            foreach (var (x, y) in new[] { (left, 0.05), (right, 0.05), (right, 0.95), (left, 0.95), (left, 0.05) })
            {
                await page.Mouse.ClickAsync((float)(box.X + box.Width * x), (float)(box.Y + box.Height * y));
            }

            await Assertions.Expect(map).ToHaveAttributeAsync("data-drawn", "1");
            await page.GetByTestId("squad-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("squad-list")).ToContainTextAsync(name);
        }

        await AddAsync("W1", West, 0.05, 0.5, existing: 0);
        await AddAsync("E1", East, 0.5, 0.95, existing: 1);
        await Assertions.Expect(page.GetByTestId("squad-gap")).ToHaveCountAsync(0);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-gap", "0");
        return (await county.ScalarAsync<int>("SELECT id FROM squads WHERE name = @n", ("n", West)),
            await county.ScalarAsync<int>("SELECT id FROM squads WHERE name = @n", ("n", East)));
    }

    /// <summary>A duty officer and the western squad's leader, each with a password the system chose and showed once.</summary>
    private async Task<(string Duty, string Leader)> CreateAccountsAsync(IPage page)
    {
        await BlazorPage.OpenAsync(page, At("/site/users"));
        await page.GetByTestId("new-user-name").FillAsync(DutyOfficer);
        await page.GetByTestId("new-display-name").FillAsync("值班员测试甲");
        await page.GetByTestId("user-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"user-{DutyOfficer}")).ToBeVisibleAsync();
        var duty = (await page.GetByTestId("one-time-password").InnerTextAsync()).Trim();

        await page.GetByTestId("new-user-name").FillAsync(SquadLeader);
        await page.GetByTestId("new-display-name").FillAsync("中队长测试乙");
        await page.GetByTestId("new-role").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "中队长" }).ClickAsync();
        await page.GetByTestId("new-squad").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = West }).ClickAsync();
        await page.GetByTestId("user-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"user-{SquadLeader}")).ToContainTextAsync(West);
        var leader = (await page.GetByTestId("one-time-password").InnerTextAsync()).Trim();
        Assert.NotEqual(duty, leader);
        return (duty, leader);
    }

    /// <summary>
    /// Five people from a spreadsheet: first with a spoilt ID number, which the preview names and nothing is stored;
    /// then corrected and imported whole. Answers the first person, who will carry the phone.
    /// </summary>
    private async Task<(int Id, string Code)> ImportFivePeopleAsync(IPage page)
    {
        await BlazorPage.OpenAsync(page, At("/subjects/import"));
        var good = ImportRows();
        var spoilt = ImportRows();
        var id = spoilt[1][2];
        spoilt[1][2] = id[..17] + (id[17] == '0' ? '1' : '0');

        await UploadAsync(page, spoilt);
        var problem = page.Locator("[data-testid=import-problems] tbody tr").Filter(new() { HasText = "身份证号" });
        await Assertions.Expect(problem.GetByTestId("problem-row")).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        await Assertions.Expect(problem.GetByTestId("problem-message")).ToContainTextAsync("校验码");
        await Assertions.Expect(page.GetByTestId("import-commit")).ToBeDisabledAsync();
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM subjects"));

        await UploadAsync(page, good);
        await Assertions.Expect(page.GetByTestId("import-no-problems")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-rows")).ToContainTextAsync("5");
        await page.GetByTestId("import-commit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(5, await county.CountAsync("SELECT count(*) FROM subjects"));

        var code = good[0][0];
        return (await county.ScalarAsync<int>("SELECT id FROM subjects WHERE code = @c", ("c", code)), code);
    }

    /// <summary>The duty officer asks for an electronic-positioning order for the person; the commander approves it.</summary>
    private async Task PositioningOrderAsync(IPage duty, IPage commander, int subjectId)
    {
        await BlazorPage.OpenAsync(duty, At($"/subjects/{subjectId}"));
        // The leave and check-in panels load after the page: once they are in, nothing moves under the clicks.
        await Assertions.Expect(duty.GetByTestId("leave-permits")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await duty.GetByTestId("order-request").ClickAsync();
        await duty.GetByTestId("order-reason").ClickAsync();
        await duty.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "擅自离开县域" }).ClickAsync();
        await duty.GetByTestId("order-note").FillAsync("未经批准前往临沂市区，已予警告");
        await duty.GetByTestId("order-submit").ClickAsync();
        await Assertions.Expect(duty.GetByTestId("order")).ToHaveAttributeAsync("data-state", "Requested");

        await BlazorPage.OpenAsync(commander, At($"/subjects/{subjectId}"));
        await Assertions.Expect(commander.GetByTestId("leave-permits")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await commander.GetByTestId("order-approve").ClickAsync();
        await Assertions.Expect(commander.GetByTestId("order")).ToHaveAttributeAsync("data-state", "InForce");
    }

    /// <summary>A Traccar Client phone enrolled for the person; answers its serial and the key the page shows once.</summary>
    private async Task<(string Serial, string Key)> EnrolPhoneAsync(IPage page, string subjectCode)
    {
        const string serial = "TC-FRESH-001";
        await BlazorPage.OpenAsync(page, At("/site/devices"));
        await page.GetByTestId("enrol-serial").FillAsync(serial);
        await Assertions.Expect(page.GetByTestId("enrol-kind")).ToContainTextAsync("Traccar Client");
        await page.GetByTestId("enrol-subject").FillAsync(subjectCode);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = subjectCode }).First.ClickAsync();

        // The pick is taken once the list has closed on it; a save before that enrols nobody.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("enrol-subject")).ToHaveValueAsync(subjectCode);
        await page.GetByTestId("enrol-save").ClickAsync();
        var key = (await page.GetByTestId("issued-key").InnerTextAsync(new() { Timeout = 30_000 })).Trim();
        await page.GetByTestId("key-close").ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-serial='{serial}']")).ToBeVisibleAsync();
        return (serial, key);
    }

    /// <summary>One fix as Traccar Client sends it, stamped <paramref name="age"/> from now.</summary>
    private static Task<HttpResponseMessage> ReportAsync(HttpClient phone, string serial, string key, double latitude, double longitude, TimeSpan age) =>
        phone.GetAsync(string.Create(CultureInfo.InvariantCulture,
            $"/osmand?id={Uri.EscapeDataString(serial)}&key={Uri.EscapeDataString(key)}&lat={latitude}&lon={longitude}&timestamp={TimeProvider.System.GetUtcNow().Add(age).ToUnixTimeMilliseconds()}"));

    private static List<string[]> ImportRows()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string IdNumber(int sequence)
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"37132619900301{sequence:000}");
            return body + ResidentIdNumber.CheckDigit(body);
        }

        return [.. Enumerable.Range(1, 5).Select(n => new[]
        {
            $"PY-FRESH-{n:00}", "测试对象" + "甲乙丙丁戊"[n - 1], IdNumber(600 + n), "1700000" + (8600 + n), n % 2 == 0 ? "假释" : "缓刑",
            Day(today.AddMonths(-2)), Day(today.AddYears(1)), n <= 3 ? West : East, "普管", "中", $"平邑镇测试村{n}号",
        })];
    }

    /// <summary>Uploads the rows as an XLSX workbook with the provincial platform's headers, written by the product's own spreadsheet library.</summary>
    private static async Task UploadAsync(IPage page, List<string[]> rows)
    {
        var sheet = rows.Select(row => ImportHeaders.Zip(row).ToDictionary(cell => cell.First, cell => (object)cell.Second)).ToList();
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(sheet, excelType: ExcelType.XLSX);

        // MudFileUpload keeps a fresh input for the next pick; the last one is the active one.
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "省平台导出.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = workbook.ToArray(),
        });
    }
}
