using System.Globalization;
using System.Text;
using CommandCenter.EndToEnd.Tests.Browser;
using CommandCenter.Security;
using CommandCenter.Subjects;
using CommandCenter.TestSupport.Browser;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using CommandCenter.TestSupport.Security;
using Microsoft.Playwright;

namespace CommandCenter.EndToEnd.Tests.Subjects;

/// <summary>
/// The import at the desk: a file with a bad row is previewed with the bad cell named and markup shown as text,
/// nothing stored; the corrected file is imported whole and its people are listed as homes not yet placed.
/// </summary>
public class SubjectImportPageTests(SmallCountyApp app) : BrowserTest, IClassFixture<SmallCountyApp>
{
    private const string Header = "社区矫正对象编号,姓名,身份证号,联系电话,矫正类别,矫正起始日期,矫正终止日期,所属中队,管理等级,风险等级,居住地址";

    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ABadRowIsNamedInThePreviewAndTheCorrectedFileIsImportedWhole()
    {
        var squad = await county.ScalarAsync<string>("SELECT name FROM squads ORDER BY id LIMIT 1");
        var prefix = "UI" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var good = IdNumber(501);
        var broken = good[..17] + (good[17] == '0' ? '1' : '0');
        var page = await Chromium.NewPageAsync(1920, 1080);
        await BlazorPage.SignInAsync(page, app.BaseAddress, await TestUsers.CreateAsync(app.Services, Roles.Commander));
        await BlazorPage.OpenAsync(page, new Uri(app.BaseAddress, "/subjects/import"));

        await UploadAsync(page, File(prefix, squad, broken), "[data-testid=import-problem-count]");

        var problem = page.Locator("[data-testid=import-problems] tbody tr").Filter(new() { HasText = "身份证号" });
        await Assertions.Expect(problem.Locator("[data-testid=problem-row]")).ToHaveTextAsync("3");
        await Assertions.Expect(problem.Locator("[data-testid=problem-message]")).ToContainTextAsync("校验码");
        await Assertions.Expect(page.Locator("[data-testid=person-name]").Filter(new() { HasText = "<b>王五</b>" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=import-people] b")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=import-commit]")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-import-preview-1920x1080.png") });
        Assert.Equal(0, await county.CountAsync("SELECT count(*) FROM subjects WHERE code LIKE @prefix", ("prefix", prefix + "%")));

        await UploadAsync(page, File(prefix, squad, good), "[data-testid=import-no-problems]");
        await page.Locator("[data-testid=import-commit]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=import-done]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subject-import-done-1920x1080.png") });
        Assert.Equal(3, await county.CountAsync("SELECT count(*) FROM subjects WHERE code LIKE @prefix AND home IS NULL", ("prefix", prefix + "%")));
        await page.Locator("[data-testid=import-show-unplaced]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=subject-table] [data-testid=home-not-placed]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath("subjects-home-not-placed-1920x1080.png") });
    }

    /// <summary>
    /// Uploads the file as Chinese Excel saves a CSV: in GBK, which the page detects, and waits for
    /// <paramref name="shown"/>. The file input's script is hooked up a moment after the page turns interactive;
    /// a pick made before that is lost, so a pick that shows nothing is made again, as a user would.
    /// </summary>
    private static async Task UploadAsync(IPage page, string csv, string shown)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        for (var attempt = 1; ; attempt++)
        {
            // MudFileUpload keeps a fresh input for the next pick; the last one is the active one.
            await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
            {
                Name = "省平台导出.csv",
                MimeType = "text/csv",
                Buffer = Encoding.GetEncoding("GB18030").GetBytes(csv),
            });
            try
            {
                await page.Locator(shown).WaitForAsync(new() { Timeout = attempt < 3 ? 10_000 : 30_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    private static string File(string prefix, string squad, string secondIdNumber)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(1).ToString("yyyy/M/d", CultureInfo.InvariantCulture);
        return $"""
            {Header}
            {prefix}-1,张三,{IdNumber(500)},17000001500,缓刑,{start},{end},{squad},普管,中,平邑镇东关村1号
            {prefix}-2,李四,{secondIdNumber},17000001501,假释,{start},{end},{squad},严管,高,平邑镇西关村2号
            {prefix}-3,<b>王五</b>,{IdNumber(502)},17000001502,管制,{start},{end},{squad},宽管,低,"=HYPERLINK(""http://example.invalid"",""村"")"
            """ + "\n";
    }

    private static string IdNumber(int sequence)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"37132619800101{sequence % 1000:000}");
        return body + ResidentIdNumber.CheckDigit(body);
    }
}
