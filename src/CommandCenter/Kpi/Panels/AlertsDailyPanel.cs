using System.Globalization;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Localization;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CommandCenter.Kpi.Panels;

/// <summary>Alerts raised on each day of the month (site calendar), by rule.</summary>
public class AlertsDailyPanel(
    IDbContextFactory<CommandCenterDb> factory,
    NpgsqlDataSource dataSource,
    SiteClock clock,
    IStringLocalizer<UiText> text) : PanelSource(factory, text)
{
    private const string Sql = """
        SELECT (raised_at AT TIME ZONE @zone)::date AS day, rule, count(*)::int
        FROM alerts WHERE raised_at >= @from AND raised_at < @to
        GROUP BY 1, 2
        """;

    public override string Id => "alerts-daily";

    /// <summary>Rules are named as the alert feed names them.</summary>
    private string RuleName(AlertRule rule) => Text[$"Rule.{rule}"];

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(DateOnly Day, AlertRule Rule), int>();
        await using (var command = dataSource.CreateCommand(Sql))
        {
            command.Parameters.AddWithValue("zone", clock.Zone.Id);
            command.Parameters.AddWithValue("from", period.From);
            command.Parameters.AddWithValue("to", period.To);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[(reader.GetFieldValue<DateOnly>(0), Enum.Parse<AlertRule>(reader.GetString(1)))] = reader.GetInt32(2);
            }
        }

        var days = Enumerable.Range(0, period.LastDay.Day).Select(period.Month.AddDays).ToList();
        var rules = Enum.GetValues<AlertRule>().Where(r => counts.Keys.Any(k => k.Rule == r)).ToList();
        var total = counts.Values.Sum();
        var elapsed = Math.Max(1, (period.AsOf.DayNumber - period.Month.DayNumber) + 1);
        var busiest = counts.GroupBy(c => c.Key.Rule).OrderByDescending(g => g.Sum(c => c.Value)).FirstOrDefault();

        var figures = new List<KpiFigure>
        {
            new(Label("AlertsThisMonth"), Count(total)),
            new(Label("AlertsPerDay"), (total / (double)elapsed).ToString("0.0", CultureInfo.CurrentCulture), Headline: true),
            new(Label("BusiestRule"), busiest is null ? "–" : RuleName(busiest.Key)),
        };
        var chart = new ChartOptions(
            ChartKind.Column,
            days.Select(d => d.Day.ToString(CultureInfo.InvariantCulture)).ToList(),
            rules.Select(r => new ChartSeries(RuleName(r), days.Select(d => (double)counts.GetValueOrDefault((d, r))).ToList())).ToList())
        {
            Stacked = true,
        };

        var columns = new List<string> { Label("Day") };
        columns.AddRange(Enum.GetValues<AlertRule>().Select(RuleName));
        columns.Add(Label("Total"));
        var rows = days.Select(d =>
        {
            var row = new List<object?> { d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            row.AddRange(Enum.GetValues<AlertRule>().Select(r => (object?)counts.GetValueOrDefault((d, r))));
            row.Add(counts.Where(c => c.Key.Day == d).Sum(c => c.Value));
            return (IReadOnlyList<object?>)row;
        });
        return Panel(figures, Table(columns, rows), chart);
    }
}
