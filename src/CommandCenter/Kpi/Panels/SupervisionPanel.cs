using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Localization;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Kpi.Panels;

/// <summary>People under supervision on the period's "as of" day, by correction type and supervision level.</summary>
public class SupervisionPanel(IDbContextFactory<CommandCenterDb> factory, IStringLocalizer<UiText> text) : PanelSource(factory, text)
{
    public override string Id => "supervision";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var day = period.AsOf;
        await using var db = await OpenAsync(cancellationToken);
        var counts = await db.Subjects
            .Where(s => s.IntakeDate <= day && (s.ReleaseDate == null || s.ReleaseDate > day))
            .GroupBy(s => new { s.CorrectionType, s.SupervisionLevel })
            .Select(g => new { g.Key.CorrectionType, g.Key.SupervisionLevel, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var types = Enum.GetValues<CorrectionType>();
        var levels = Enum.GetValues<SupervisionLevel>();
        int CountOf(CorrectionType type, SupervisionLevel level) =>
            counts.Where(c => c.CorrectionType == type && c.SupervisionLevel == level).Sum(c => c.Count);

        var total = counts.Sum(c => c.Count);
        var figures = new List<KpiFigure> { new(Label("UnderSupervision"), Count(total), Headline: true) };
        figures.AddRange(levels.Select(l => new KpiFigure(Name(l), Count(counts.Where(c => c.SupervisionLevel == l).Sum(c => c.Count)))));

        var chart = new ChartOptions(
            ChartKind.Bar,
            types.Select(Name).ToList(),
            levels.Select(l => new ChartSeries(Name(l), types.Select(t => (double)CountOf(t, l)).ToList())).ToList())
        {
            Stacked = true,
            Colours = ["#ff7875", "#35c9ff", "#3ddc97"],
        };

        var columns = new List<string> { Label("CorrectionType") };
        columns.AddRange(levels.Select(Name));
        columns.Add(Label("Total"));
        var rows = types.Select(t =>
        {
            var row = new List<object?> { Name(t) };
            row.AddRange(levels.Select(l => (object?)CountOf(t, l)));
            row.Add(counts.Where(c => c.CorrectionType == t).Sum(c => c.Count));
            return (IReadOnlyList<object?>)row;
        });
        return Panel(figures, Table(columns, rows), chart);
    }
}
