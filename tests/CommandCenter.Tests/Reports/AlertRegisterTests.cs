using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Data;
using CommandCenter.TestSupport.Hosting;
using MiniExcelLibs;

namespace CommandCenter.Tests.Reports;

/// <summary>The alert register over 9 to 11 March 2026 of <see cref="KnownDutyDayApp"/>, read and exported as a commander.</summary>
public class AlertRegisterTests(KnownDutyDayApp app) : SignedInTest(Roles.Commander), IClassFixture<KnownDutyDayApp>
{
    private const string Period = "from=2026-03-09&to=2026-03-11";

    protected override CommandCenterApp Host => app;

    private readonly CountyRecords county = new(app.ConnectionString);

    private async Task<List<long>> IdsAsync(string filter, string period = Period)
    {
        var page = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/alerts?{period}&{filter}");
        return [.. page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];
    }

    private long[] Numbered(params int[] numbers) => [.. numbers.Select(n => app.Alerts[n])];

    [Fact]
    public async Task TheRegisterListsThePeriodsAlertsNewestFirst()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/alerts?{Period}");

        Assert.Equal(7, page.GetProperty("total").GetInt32());
        Assert.Equal(Numbered(7, 5, 3, 4, 2, 1, 6), await IdsAsync(""));
        Assert.Equal(Numbered(5, 3, 4, 2, 1, 6), await IdsAsync("", "from=2026-03-09&to=2026-03-10"));
    }

    [Fact]
    public async Task TheRegisterFiltersByKindSquadSeverityAndState()
    {
        Assert.Equal(Numbered(1), await IdsAsync("rule=ZoneExit"));
        Assert.Equal(Numbered(5, 4), await IdsAsync($"squad={app.Squad2}"));
        Assert.Equal(Numbered(5, 1), await IdsAsync("severity=critical"));
        Assert.Equal(Numbered(2, 1, 6), await IdsAsync("state=Resolved"));
        Assert.Equal(Numbered(3), await IdsAsync($"squad={app.Squad1}&rule=Curfew&state=OnScene"));
    }

    [Fact]
    public async Task TheRegisterIsPaged()
    {
        var second = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/alerts?{Period}&page=2&size=10");
        var first = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/alerts?{Period}&page=1&size=10");

        Assert.Equal(7, first.GetProperty("rows").GetArrayLength());
        Assert.Equal(0, second.GetProperty("rows").GetArrayLength());
        Assert.Equal(7, second.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheExportHoldsTheFilteredAlertsAndIsAudited()
    {
        var before = await county.CountAsync("SELECT count(*) FROM audit_entries WHERE action = 'export' AND target = 'alert-register'");
        var page = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/alerts?{Period}&severity=Major");

        var response = await Client.GetAsync($"/api/v1/reports/alerts/export?{Period}&severity=Major");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheet = workbook.Query(useHeaderRow: true, sheetName: "告警台账").Cast<IDictionary<string, object?>>().ToList();
        var rows = page.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(Numbered(3, 4, 6), rows.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(rows.Select(r => r.GetProperty("id").GetInt64()), sheet.Select(r => Convert.ToInt64(r["编号"])));
        Assert.All(sheet, r => Assert.Equal("重要", r["级别"]));
        Assert.Equal(["已到场", "待处置", "已办结"], sheet.Select(r => r["状态"]));
        Assert.Equal(["按时", "超时", "按时"], sheet.Select(r => r["处置规范"]));
        Assert.Equal([4.0, null, 2.0], sheet.Select(r => r["确认用时（分）"] as double?));
        Assert.Equal(before + 1, await county.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE action = 'export' AND target = 'alert-register' AND detail LIKE '%severity=Major%3 alerts%'"));
    }

    [Theory]
    [InlineData("from=10-03-2026", "from")]
    [InlineData("from=2026-03-11&to=2026-03-09", "to")]
    [InlineData("from=2025-01-01&to=2026-03-11", "to")]
    [InlineData("to=2026-03-12", "to")]
    [InlineData("rule=Fire", "rule")]
    [InlineData("rule=3", "rule")]
    [InlineData("severity=Loud", "severity")]
    [InlineData("state=Lost", "state")]
    [InlineData("squad=abc", "squad")]
    [InlineData("squad=999999", "squad")]
    public async Task ABadParameterIsA400NamingIt(string query, string parameter)
    {
        foreach (var path in new[] { "/api/v1/reports/alerts", "/api/v1/reports/alerts/export" })
        {
            var response = await Client.GetAsync($"{path}?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(parameter, out _), $"{path}?{query}: {errors}");
        }
    }

    [Theory]
    [InlineData("size=5", "size")]
    [InlineData("page=0", "page")]
    public async Task ABadPageIsA400NamingIt(string query, string parameter)
    {
        var response = await Client.GetAsync($"/api/v1/reports/alerts?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task TheKpiPanelGivesEachSquadsShareHandledInTime()
    {
        var panel = await Client.GetFromJsonAsync<JsonElement>("/api/v1/kpi/panels/handling?month=2026-03");

        // Squad 1: alerts 1, 3, 6 in time, 2 late, 7 not yet due; squad 2: 5 in time, 4 late.
        var rows = panel.GetProperty("table").GetProperty("rows").EnumerateArray()
            .Select(r => (r[0].GetString(), r[1].GetInt32(), r[2].GetInt32(), r[3].GetInt32(), r[4].GetDouble()));
        Assert.Equal([("一中队", 5, 3, 1, 75.0), ("二中队", 2, 1, 1, 50.0)], rows);
        var headline = panel.GetProperty("figures")[0];
        Assert.Equal("66.7%", headline.GetProperty("value").GetString());
        Assert.True(headline.GetProperty("alarm").GetBoolean());
        Assert.Contains("升级等待", panel.GetProperty("definition").GetString());
    }
}
