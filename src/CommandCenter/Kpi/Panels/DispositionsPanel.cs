using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Localization;
using CommandCenter.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Kpi.Panels;

/// <summary>How closed alerts were disposed of (训诫, 警告, 提请撤销 ...), in the month and in all, dated by when they were closed.</summary>
public class DispositionsPanel(IDbContextFactory<CommandCenterDb> factory, SiteClock clock, IStringLocalizer<UiText> text)
    : PanelSource(factory, text)
{
    private static readonly Disposition[] Disciplinary = [Disposition.Admonition, Disposition.Warning, Disposition.RevocationProposal];

    public override string Id => "dispositions";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var months = period.TrailingYear();
        var trendFrom = clock.StartOfDay(months[0]);
        await using var db = await OpenAsync(cancellationToken);
        var closed = db.Alerts.Where(a => a.Disposition != null && a.ClosedAt < period.To);
        var total = await closed.GroupBy(a => a.Disposition!)
            .Select(g => new { Disposition = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var recent = (await closed.Where(a => a.ClosedAt >= trendFrom)
                .Select(a => new { a.Disposition, a.ClosedAt })
                .ToListAsync(cancellationToken))
            .Select(r => (r.Disposition, Month: MonthOf(clock.ToLocal(r.ClosedAt!.Value))))
            .ToList();

        int InMonth(Disposition disposition, DateOnly month) =>
            recent.Count(r => r.Disposition == disposition.ToString() && r.Month == month);
        int AllTime(Disposition disposition) => total.Where(t => t.Disposition == disposition.ToString()).Sum(t => t.Count);

        var figures = Disciplinary
            .Select(d => new KpiFigure($"{Name(d)} {Label("MonthAndTotal")}", $"{Count(InMonth(d, period.Month))} / {Count(AllTime(d))}", Headline: d == Disposition.Admonition))
            .ToList();
        var chart = new ChartOptions(
            ChartKind.Column,
            months.Select(MonthLabel).ToList(),
            Disciplinary.Select(d => new ChartSeries(Name(d), months.Select(m => (double)InMonth(d, m)).ToList())).ToList())
        {
            Stacked = true,
            Colours = ["#ffc53d", "#ff9c6e", "#ff4d4f"],
        };
        var rows = Enum.GetValues<Disposition>().Select(d => (IReadOnlyList<object?>)[Name(d), InMonth(d, period.Month), AllTime(d)]);
        return Panel(figures, Table([Label("Disposition"), Label("ThisMonth"), Label("Cumulative")], rows), chart);
    }

    private static DateOnly MonthOf(DateTimeOffset local) => new(local.Year, local.Month, 1);
}
