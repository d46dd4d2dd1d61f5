using System.Data;
using System.Globalization;
using CommandCenter.Hosting;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CommandCenter.Reports;

/// <summary>
/// Writes the duty report (a sheet per section) and the alert register as XLSX workbooks, headed in the
/// reader's language. Times are the site's wall clock as text (yyyy-MM-dd HH:mm), so a spreadsheet shows what
/// the page shows; durations are minutes as numbers, so they can be summed.
/// </summary>
public class ReportWorkbook(IStringLocalizer<UiText> text, SiteClock clock)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] DutyReport(DutyReport report)
    {
        var sheets = new Dictionary<string, object>
        {
            [Label("Sheet.ByKind")] = Table(["Column.Kind", "Column.Count", "Column.Critical"],
                report.ByKind.Select(k => new object?[] { Name(k.Rule), k.Count, k.Critical })),
            [Label("Sheet.BySquad")] = Table(["Column.Squad", "Column.Count", "Column.InTime", "Column.Late"],
                report.BySquad.Select(s => new object?[] { s.SquadName, s.Count, s.InTime, s.Late })),
            [Label("Sheet.Alerts")] = Alerts(report.Raised),
            [Label("Sheet.Open")] = Table(["Column.Id", "Column.Raised", "Column.Kind", "Column.Severity", "Column.Squad", "Column.Subject", "Column.StateAtHandOver"],
                report.OpenAtHandOver.Select(o => new object?[]
                {
                    o.Alert.Id, Time(o.Alert.RaisedAt), Name(o.Alert.Rule), Name(o.Alert.Severity), o.Alert.SquadName, o.Alert.SubjectCode, Name(o.StateAtHandOver),
                })),
            [Label("Sheet.CheckIns")] = Table(["Column.Subject", "Column.Squad", "Column.Deadline", "Column.CheckedIn", "Column.Outcome"],
                report.CheckIns.Select(c => new object?[] { c.SubjectCode, c.SquadName, Time(c.Deadline), Time(c.CheckedInAt), Name(c.Outcome) })),
            [Label("Sheet.Permits")] = Table(["Column.Subject", "Column.Squad", "Column.Destination", "Column.Starts", "Column.Ends", "Column.ApprovedBy"],
                report.Permits.Select(p => new object?[] { p.SubjectCode, p.SquadName, p.Destination, Time(p.StartsAt), Time(p.EndsAt), p.ApprovedBy })),
            [Label("Sheet.Orders")] = Table(["Column.Subject", "Column.Squad", "Column.EndDate", "Column.DaysLeft", "Column.Extended"],
                report.OrdersExpiring.Select(o => new object?[] { o.SubjectCode, o.SquadName, o.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.DaysLeft, o.Extended ? Label("Yes") : Label("No") })),
        };
        return Save(sheets);
    }

    public byte[] Register(IReadOnlyList<AlertRow> rows) => Save(new Dictionary<string, object> { [Label("Sheet.Register")] = Alerts(rows) });

    /// <summary>Every alert with its steps, who took them and how long each took.</summary>
    private DataTable Alerts(IEnumerable<AlertRow> rows) => Table(
        [
            "Column.Id", "Column.Raised", "Column.Kind", "Column.Severity", "Column.Squad", "Column.Subject", "Column.State",
            "Column.AcknowledgedAt", "Column.AcknowledgedBy", "Column.DispatchedAt", "Column.DispatchedBy", "Column.OnSceneAt", "Column.OnSceneBy",
            "Column.ClosedAt", "Column.ClosedBy", "Column.Disposition",
            "Column.MinutesToAcknowledge", "Column.MinutesToDispatch", "Column.MinutesToClose", "Column.Handling",
        ],
        rows.Select(r => new object?[]
        {
            r.Id, Time(r.RaisedAt), Name(r.Rule), Name(r.Severity), r.SquadName, r.SubjectCode, Name(r.State),
            Time(r.Answered?.At), r.Answered?.Actor, Time(r.Dispatched?.At), r.Dispatched?.Actor, Time(r.OnScene?.At), r.OnScene?.Actor,
            Time(r.Closed?.At), r.Closed?.Actor, r.Disposition is null ? null : text[$"Disposition.{r.Disposition}"].Value,
            r.MinutesToAcknowledge, r.MinutesToDispatch, r.MinutesToClose, Name(r.Handling),
        }));

    /// <summary>A sheet as a table: MiniExcel writes a table's header even when it has no rows, so an empty section still says what it lists.</summary>
    private DataTable Table(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        var table = new DataTable();
        foreach (var column in columns)
        {
            table.Columns.Add(Label(column), typeof(object));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(row.Select(cell => cell ?? DBNull.Value).ToArray());
        }

        return table;
    }

    private static byte[] Save(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private string? Time(DateTimeOffset? instant) => instant is { } at ? clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;

    private string Label(string key) => text[$"Reports.{key}"];

    private string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => text[ReportTexts.KeyOf(value)];
}
