using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Kpi.Panels;

/// <summary>Intake (入矫) and release (解矫) in the month, and in each of the eleven months before it.</summary>
public class IntakeReleasePanel(IDbContextFactory<CommandCenterDb> factory, IStringLocalizer<UiText> text) : PanelSource(factory, text)
{
    public override string Id => "intake-release";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var months = period.TrailingYear();
        var first = months[0];
        var last = period.LastDay;
        await using var db = await OpenAsync(cancellationToken);
        var intakes = await db.Subjects.Where(s => s.IntakeDate >= first && s.IntakeDate <= last)
            .GroupBy(s => new { s.IntakeDate.Year, s.IntakeDate.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var releases = await db.Subjects.Where(s => s.ReleaseDate >= first && s.ReleaseDate <= last)
            .GroupBy(s => new { s.ReleaseDate!.Value.Year, s.ReleaseDate!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);

        int In(DateOnly month) => intakes.Where(i => i.Year == month.Year && i.Month == month.Month).Sum(i => i.Count);
        int Out(DateOnly month) => releases.Where(r => r.Year == month.Year && r.Month == month.Month).Sum(r => r.Count);

        var figures = new List<KpiFigure>
        {
            new(Label("IntakeThisMonth"), Count(In(period.Month)), Headline: true),
            new(Label("ReleaseThisMonth"), Count(Out(period.Month)), Headline: true),
        };
        var chart = new ChartOptions(
            ChartKind.Column,
            months.Select(MonthLabel).ToList(),
            [
                new ChartSeries(Label("Intake"), months.Select(m => (double)In(m)).ToList()),
                new ChartSeries(Label("Release"), months.Select(m => (double)Out(m)).ToList()),
            ]);
        var rows = months.Select(m => (IReadOnlyList<object?>)[MonthLabel(m), In(m), Out(m)]);
        return Panel(figures, Table([Label("Month"), Label("Intake"), Label("Release")], rows), chart);
    }
}
