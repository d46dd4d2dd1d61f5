using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using MiniExcelLibs;

namespace CommandCenter.Tests.Kpi;

public class KpiEndpointsTests(KnownRecordsApp app) : SignedInTest(Roles.DutyOfficer), IClassFixture<KnownRecordsApp>
{
    protected override CommandCenterApp Host => app;

    private readonly CountyRecords county = new(app.ConnectionString);

    private Task<long> ActivitiesAsync() => county.CountAsync("SELECT count(*) FROM activity_records");

    [Fact]
    public async Task APanelIsServedAsJsonForTheMonthAsked()
    {
        var panel = await Client.GetFromJsonAsync<JsonElement>("/api/v1/kpi/panels/dispositions?month=2024-05");

        Assert.Equal("dispositions", panel.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("definition").GetString()));
        var admonitions = panel.GetProperty("table").GetProperty("rows")[2];
        Assert.Equal(1, admonitions[1].GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/kpi/panels/supervision?month=May")]
    [InlineData("/api/v1/kpi/panels/supervision?month=2999-01")]
    [InlineData("/api/v1/kpi/panels?month=2024-13")]
    public async Task ABadMonthIsA400NamingTheMonth(string url)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("month", out _));
    }

    [Fact]
    public async Task AnUnknownPanelIsA404ThatListsThePanels()
    {
        var response = await Client.GetAsync("/api/v1/kpi/panels/weather");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("scoreboard", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APanelExportsAsAnXlsxWorkbookHoldingThePanelsTable()
    {
        var panel = await Client.GetFromJsonAsync<JsonElement>("/api/v1/kpi/panels/education?month=2024-05");

        var response = await Client.GetAsync("/api/v1/kpi/panels/education/export?month=2024-05&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("education-2024-05.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheet = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var columns = panel.GetProperty("table").GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var rows = panel.GetProperty("table").GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, sheet.Count);
        Assert.All(sheet, row => Assert.Equal(columns, row.Keys));
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = rows[i].EnumerateArray().Select(Cell).ToList();
            Assert.Equal(expected, columns.Select(c => Cell(sheet[i][c])));
        }
    }

    // A cell as text, numbers in one spelling: the workbook reads every number back as a double.
    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Null => "",
        _ => value.ToString(),
    };

    private static string Cell(object? value) => value switch
    {
        null => "",
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    [Fact]
    public async Task APanelExportsAsCsvThatExcelReadsAsUtf8()
    {
        var response = await Client.GetAsync("/api/v1/kpi/panels/positioning/export?month=2024-05&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("T-E", lines[1]);
    }

    [Fact]
    public async Task AnUnknownExportFormatIsA400NamingTheFormat()
    {
        var response = await Client.GetAsync("/api/v1/kpi/panels/positioning/export?format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task AnInvalidRecordIsA400NamingEveryBadFieldAndNothingIsStored()
    {
        var before = await ActivitiesAsync();
        var record = new { kind = "HardshipGrant", date = "2999-01-01", squadId = 999_999, title = "", participants = 0 };

        var response = await Client.PostAsJsonAsync("/api/v1/kpi/records/activities", record);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["amountYuan", "date", "participants", "squadId", "title"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(before, await ActivitiesAsync());
    }

    [Fact]
    public async Task ARecordIsAddedReadReplacedAndDeleted()
    {
        var record = new { kind = "CultureClass", date = "2024-05-28", squadId = app.Squad1, title = "孔子学堂·论语", participants = 20 };

        var created = await Client.PostAsJsonAsync("/api/v1/kpi/records/activities", record);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!;
        var stored = await Client.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal(20, stored.GetProperty("participants").GetInt32());

        var replaced = await Client.PutAsJsonAsync(location, record with { participants = 25 });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(25, (await Client.GetFromJsonAsync<JsonElement>(location)).GetProperty("participants").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task AGroupMeetingWithoutASquadIsRefused()
    {
        var meeting = new { kind = "GroupMeeting", date = "2024-05-28", topic = "学习", attendance = 4 };

        var response = await Client.PostAsJsonAsync("/api/v1/kpi/records/meetings", meeting);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("squadId", out _));
    }

    [Fact]
    public async Task ALossOfAnUnknownSubjectIsRefusedNamingTheSubject()
    {
        var loss = new { kind = "Absconded", date = "2024-05-28", subjectId = 999_999, note = "测试" };

        var response = await Client.PostAsJsonAsync("/api/v1/kpi/records/losses", loss);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("subjectId", out _));
    }

    [Fact]
    public async Task ReplacingARecordThatDoesNotExistIsA404()
    {
        var member = new { name = "王某999", role = "Member", joinedOn = "2024-01-01" };

        var response = await Client.PutAsJsonAsync("/api/v1/kpi/records/members/999999", member);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheKpiApiIsDescribedInOpenApi()
    {
        var paths = (await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/v1/kpi/panels/{id}", out var panel));
        Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("get").GetProperty("summary").GetString()));
        Assert.True(paths.TryGetProperty("/api/v1/kpi/records/activities", out _));
        Assert.True(paths.TryGetProperty("/api/v1/kpi/records/losses/{id}", out _));
    }
}
