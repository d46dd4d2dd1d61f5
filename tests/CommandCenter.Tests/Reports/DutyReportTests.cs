using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.TestSupport.Hosting;
using MiniExcelLibs;

namespace CommandCenter.Tests.Reports;

/// <summary>The duty report of 10 March 2026 from <see cref="KnownDutyDayApp"/>, read as a duty officer.</summary>
public class DutyReportTests(KnownDutyDayApp app) : SignedInTest(Roles.DutyOfficer), IClassFixture<KnownDutyDayApp>
{
    protected override CommandCenterApp Host => app;

    private Task<JsonElement> ReportAsync() => Client.GetFromJsonAsync<JsonElement>("/api/v1/reports/duty?date=2026-03-10");

    private static List<long> Ids(JsonElement rows) => [.. rows.EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];

    [Fact]
    public async Task TheDaysAlertsAreCountedByKindAndBySquad()
    {
        var report = await ReportAsync();

        Assert.Equal([app.Alerts[1], app.Alerts[2], app.Alerts[4], app.Alerts[3], app.Alerts[5]], Ids(report.GetProperty("raised")));
        var byKind = report.GetProperty("byKind").EnumerateArray().ToDictionary(k => k.GetProperty("rule").GetString()!, k => (k.GetProperty("count").GetInt32(), k.GetProperty("critical").GetInt32()));
        Assert.Equal(
            new Dictionary<string, (int, int)> { ["ZoneExit"] = (1, 1), ["ZoneEntry"] = (1, 1), ["Curfew"] = (1, 0), ["Offline"] = (1, 0), ["LowBattery"] = (1, 0) },
            byKind);
        var bySquad = report.GetProperty("bySquad").EnumerateArray()
            .Select(s => (s.GetProperty("squadName").GetString(), s.GetProperty("count").GetInt32(), s.GetProperty("inTime").GetInt32(), s.GetProperty("late").GetInt32()));
        Assert.Equal([("一中队", 3, 2, 1), ("二中队", 2, 1, 1)], bySquad);
    }

    [Fact]
    public async Task EachAlertsStepsAreTimedAndJudgedAgainstTheSetTimes()
    {
        var report = await ReportAsync();

        var handling = report.GetProperty("handling");
        Assert.Equal(5, handling.GetProperty("raised").GetInt32());
        Assert.Equal(3, handling.GetProperty("acknowledged").GetInt32());
        Assert.Equal(2, handling.GetProperty("dispatched").GetInt32());
        Assert.Equal(2, handling.GetProperty("onScene").GetInt32());
        Assert.Equal(2, handling.GetProperty("resolved").GetInt32());
        Assert.Equal(1, handling.GetProperty("dismissed").GetInt32());

        // First answers after 1, 45, 4 and 1 minutes (alert 4 has none); dispatches after 3 and 10; closes after 60, 60 and 1.
        Assert.Equal(2.5, handling.GetProperty("medianMinutesToAcknowledge").GetDouble());
        Assert.Equal(6.5, handling.GetProperty("medianMinutesToDispatch").GetDouble());
        Assert.Equal(60, handling.GetProperty("medianMinutesToClose").GetDouble());
        Assert.Equal(3, handling.GetProperty("inTime").GetInt32());
        Assert.Equal(2, handling.GetProperty("late").GetInt32());
        Assert.Equal(60.0, handling.GetProperty("inTimeShare").GetDouble());

        var rows = report.GetProperty("raised").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt64());
        var first = rows[app.Alerts[1]];
        Assert.Equal("duty1", first.GetProperty("acknowledged").GetProperty("actor").GetString());
        Assert.Equal("leader1", first.GetProperty("onScene").GetProperty("actor").GetString());
        Assert.Equal("leader1", first.GetProperty("closed").GetProperty("actor").GetString());
        Assert.Equal(KnownDutyDayApp.At(10, 9, 0), first.GetProperty("closed").GetProperty("at").GetDateTimeOffset());
        Assert.Equal("InTime", first.GetProperty("handling").GetString());
        Assert.Equal("Late", rows[app.Alerts[2]].GetProperty("handling").GetString());
        Assert.Equal("Late", rows[app.Alerts[4]].GetProperty("handling").GetString());
        Assert.Equal(JsonValueKind.Null, rows[app.Alerts[4]].GetProperty("answered").ValueKind);
        Assert.Equal("duty2", rows[app.Alerts[5]].GetProperty("closed").GetProperty("actor").GetString());
        Assert.Equal("InTime", rows[app.Alerts[5]].GetProperty("handling").GetString());
    }

    [Fact]
    public async Task WhatWasOpenAtHandOverIsListedWithItsStateThen()
    {
        var report = await ReportAsync();

        var open = report.GetProperty("openAtHandOver").EnumerateArray()
            .Select(o => (o.GetProperty("alert").GetProperty("id").GetInt64(), o.GetProperty("stateAtHandOver").GetString()));
        Assert.Equal([(app.Alerts[6], "Acknowledged"), (app.Alerts[4], "Raised"), (app.Alerts[3], "Dispatched")], open);
        Assert.Equal(KnownDutyDayApp.At(11, 0, 0), report.GetProperty("handOverAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task CheckInsDuePermitsOutAndOrdersEndingAreListed()
    {
        var report = await ReportAsync();

        var checkIns = report.GetProperty("checkIns").EnumerateArray()
            .Select(c => (c.GetProperty("subjectCode").GetString(), c.GetProperty("outcome").GetString(), c.GetProperty("deadline").GetDateTimeOffset()));
        Assert.Equal([("R-B", "Missed", KnownDutyDayApp.At(10, 12, 0)), ("R-A", "Done", KnownDutyDayApp.At(10, 17, 0))], checkIns);
        var permit = Assert.Single(report.GetProperty("permits").EnumerateArray());
        Assert.Equal(("R-A", "临沂市兰山区"), (permit.GetProperty("subjectCode").GetString(), permit.GetProperty("destination").GetString()));
        var order = Assert.Single(report.GetProperty("ordersExpiring").EnumerateArray());
        Assert.Equal(("R-A", "2026-03-15", 5, true),
            (order.GetProperty("subjectCode").GetString(), order.GetProperty("endDate").GetString(), order.GetProperty("daysLeft").GetInt32(), order.GetProperty("extended").GetBoolean()));
        Assert.Equal(7, report.GetProperty("expiringWithinDays").GetInt32());
    }

    [Fact]
    public async Task TheWorkbookHoldsTheSameFiguresAsTheReport()
    {
        var report = await ReportAsync();

        var response = await Client.GetAsync("/api/v1/reports/duty/export?date=2026-03-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("duty-report-2026-03-10.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["按类别", "按中队", "告警处置", "交班未结", "报到", "外出", "定位到期"], workbook.GetSheetNames());

        var alerts = Sheet(workbook, "告警处置");
        var rows = report.GetProperty("raised").EnumerateArray().ToList();
        Assert.Equal(rows.Count, alerts.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].GetProperty("id").GetInt64(), Convert.ToInt64(alerts[i]["编号"]));
            Assert.Equal(Minutes(rows[i], "minutesToAcknowledge"), alerts[i]["确认用时（分）"] as double?);
            Assert.Equal(Minutes(rows[i], "minutesToDispatch"), alerts[i]["派警用时（分）"] as double?);
            Assert.Equal(Minutes(rows[i], "minutesToClose"), alerts[i]["办结用时（分）"] as double?);
        }

        Assert.Equal("2026-03-10 08:00", alerts[0]["发生时间"]);
        Assert.Equal("duty1", alerts[0]["确认人"]);
        Assert.Equal("训诫", alerts[0]["处置结果"]);
        Assert.Equal("按时", alerts[0]["处置规范"]);
        Assert.Equal(["逾期未报到", "已报到"], Sheet(workbook, "报到").Select(r => r["结果"]));
        Assert.Equal(["已确认", "待处置", "已派警"], Sheet(workbook, "交班未结").Select(r => r["交班时状态"]));
        Assert.Equal([("一中队", 3.0), ("二中队", 2.0)], Sheet(workbook, "按中队").Select(r => ((string)r["中队"]!, (double)r["告警数"]!)));
        var empty = new MemoryStream(workbook.ToArray());
        Assert.Single(Sheet(empty, "定位到期"));
    }

    [Fact]
    public async Task ADayThatHasNotComeIsRefusedNamingTheDate()
    {
        var response = await Client.GetAsync("/api/v1/reports/duty?date=2026-03-12");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("date", out _));
    }

    private static double? Minutes(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();

    private static List<IDictionary<string, object?>> Sheet(MemoryStream workbook, string name) =>
        [.. workbook.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()];
}
