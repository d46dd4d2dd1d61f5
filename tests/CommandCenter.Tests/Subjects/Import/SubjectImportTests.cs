using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using MiniExcelLibs;

namespace CommandCenter.Tests.Subjects.Import;

/// <summary>
/// The import through its API: a preview names every bad cell and stores nothing; a commit stores all rows or
/// none; what a cell holds is stored as text; only the roles that keep records may import.
/// </summary>
public class SubjectImportTests(SmallCountyApp app) : IClassFixture<SmallCountyApp>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly CountyRecords county = new(app.ConnectionString);

    [Fact]
    public async Task ThePreviewNamesEveryBadCellByRowAndColumnAndStoresNothing()
    {
        var squad = await SquadNameAsync();
        var file = new ImportFile();
        var first = file.Add(ImportFile.NewCode(), squad, 1);
        file.Add(ImportFile.NewCode(), squad, 2)[2] = "371326198506150001";
        file.Add(ImportFile.NewCode(), "不存在的中队", 3);
        var reversed = file.Add(ImportFile.NewCode(), squad, 4);
        reversed[6] = SubjectApi.Day(SubjectApi.Today.AddYears(-1));
        file.Add(first[0], squad, 5);
        using var session = await app.SignInAsync(Roles.DutyOfficer);

        var preview = await (await PostAsync(session.Client, "preview", file.Csv())).Content.ReadFromJsonAsync<JsonElement>();

        var problems = preview.GetProperty("problems").EnumerateArray()
            .Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Message: p.GetProperty("message").GetString()))
            .ToList();
        Assert.False(preview.GetProperty("canCommit").GetBoolean());
        Assert.Contains(problems, p => p is { Row: 3, Column: "身份证号" } && p.Message!.Contains("校验", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 4, Column: "所属中队" } && p.Message!.Contains("不存在的中队", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 5, Column: "矫正终止日期" });
        Assert.Contains(problems, p => p is { Row: 6, Column: "社区矫正对象编号" } && p.Message!.Contains("第 2 行", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Row == 2);
        Assert.Equal(0, await StoredAsync(file));
    }

    [Fact]
    public async Task AFileWithOneBadRowStoresNothingAndTheFixedFileStoresEveryoneWithTheirHomeToPlace()
    {
        var squad = await SquadNameAsync();
        var file = new ImportFile();
        file.Add(ImportFile.NewCode(), squad, 11);
        var bad = file.Add(ImportFile.NewCode(), squad, 12);
        file.Add(ImportFile.NewCode(), squad, 13);
        bad[2] = bad[2][..17] + (bad[2][17] == '0' ? '1' : '0');
        using var session = await app.SignInAsync(Roles.Commander);

        var refused = await PostAsync(session.Client, "commit", file.Csv());
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[3].idNumber", out _));
        Assert.Equal(0, await StoredAsync(file));

        bad[2] = ImportFile.IdNumber(12);
        var stored = await PostAsync(session.Client, "commit", file.Csv());

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(3, (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(3, await StoredAsync(file));
        Assert.Equal(3, await county.CountAsync("SELECT count(*) FROM subjects WHERE code = ANY(@codes) AND home IS NULL", ("codes", Codes(file))));
        Assert.Equal(1, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE action = 'subjects-imported' AND detail LIKE @codes", ("codes", "%" + file.Rows[0][0] + "%")));
        var unplaced = await session.Client.GetFromJsonAsync<JsonElement>($"/api/v1/subjects/?homeNotPlaced=true&code={file.Rows[1][0]}");
        Assert.Equal(1, unplaced.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task FormulasAndMarkupInCellsAreStoredAsTheTextTheyAre()
    {
        var squad = await SquadNameAsync();
        var file = new ImportFile();
        var row = file.Add(ImportFile.NewCode(), squad, 21);
        row[1] = "<b>王五</b>";
        row[10] = "=HYPERLINK(\"http://example.invalid\",\"点我\")";
        using var session = await app.SignInAsync(Roles.Commander);

        var stored = await PostAsync(session.Client, "commit", file.Csv());

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal("<b>王五</b>", await county.ScalarAsync<string>("SELECT name FROM subjects WHERE code = @code", ("code", row[0])));
        Assert.Equal(row[10], await county.ScalarAsync<string>("SELECT home_address FROM subjects WHERE code = @code", ("code", row[0])));
    }

    [Fact]
    public async Task AChineseExcelCsvInGbkAndAnXlsxAreReadAlike()
    {
        var squad = await SquadNameAsync();
        var file = new ImportFile();
        file.Add(ImportFile.NewCode(), squad, 31);
        file.Add(ImportFile.NewCode(), squad, 32);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(file.Csv());
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(file.Rows.Select(r => ImportFile.Headers.Zip(r).ToDictionary(c => c.First, c => (object)c.Second)), excelType: ExcelType.XLSX);
        using var session = await app.SignInAsync(Roles.DutyOfficer);

        foreach (var (body, type) in new[] { (gbk, "text/csv"), (xlsx.ToArray(), XlsxType) })
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            var preview = await (await session.Client.PostAsync("/api/v1/subjects/import/preview", content)).Content.ReadFromJsonAsync<JsonElement>();

            Assert.True(preview.GetProperty("canCommit").GetBoolean(), preview.ToString());
            Assert.Equal("测试导入31", preview.GetProperty("people")[0].GetProperty("input").GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task ASquadLeaderCannotImportAndNothingIsStored()
    {
        var file = new ImportFile();
        file.Add(ImportFile.NewCode(), await SquadNameAsync(), 41);
        using var leader = await app.SignInAsync(Roles.SquadLeader, 1);

        foreach (var step in new[] { "preview", "commit" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(leader.Client, step, file.Csv())).StatusCode);
        }

        Assert.Equal(0, await StoredAsync(file));
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedWith413()
    {
        using var session = await app.SignInAsync(Roles.Commander);

        // The server answers from the declared length without reading the body; waiting for "100 Continue" keeps the
        // client from writing into a connection the server has already answered.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/subjects/import/preview")
        {
            Content = new StringContent(new string('x', 5_000_001), Encoding.UTF8, "text/csv"),
        };
        request.Headers.ExpectContinue = true;

        var response = await session.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string step, string csv) =>
        client.PostAsync($"/api/v1/subjects/import/{step}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private Task<string> SquadNameAsync() => county.ScalarAsync<string>("SELECT name FROM squads ORDER BY id LIMIT 1");

    private Task<long> StoredAsync(ImportFile file) =>
        county.CountAsync("SELECT count(*) FROM subjects WHERE code = ANY(@codes)", ("codes", Codes(file)));

    private static string[] Codes(ImportFile file) => file.Rows.Select(r => r[0]).Distinct().ToArray();
}
