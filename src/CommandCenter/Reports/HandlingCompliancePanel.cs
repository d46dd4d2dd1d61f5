using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Kpi.Panels;
using CommandCenter.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Reports;

/// <summary>
/// 处置规范率 on /kpi: per squad, the share of the month's alerts handled within the set times
/// (<see cref="HandlingStandard"/>), counted for the squad the subject belonged to when the alert was raised.
/// Alerts whose wait has not yet run out unanswered are not judged; a squad with nothing judged shows a dash.
/// </summary>
public class HandlingCompliancePanel(IDbContextFactory<CommandCenterDb> factory, AlertRows rows, IStringLocalizer<UiText> text)
    : PanelSource(factory, text)
{
    public override string Id => "handling";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var verdicts = await rows.JudgeAsync(db, db.Alerts.AsNoTracking().Where(a => a.RaisedAt >= period.From && a.RaisedAt < period.To), cancellationToken);
        var answering = verdicts.Select(v => v.SquadId).Distinct().ToList();
        var squads = await db.Squads.AsNoTracking()
            .Where(s => s.RetiredAt == null || answering.Contains(s.Id))
            .OrderBy(s => s.Code)
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(cancellationToken);

        var perSquad = squads.Select(s =>
        {
            var mine = verdicts.Where(v => v.SquadId == s.Id).Select(v => v.Verdict).ToList();
            return (s.Name, Raised: mine.Count, InTime: mine.Count(v => v == HandlingVerdict.InTime), Late: mine.Count(v => v == HandlingVerdict.Late),
                Share: HandlingStandard.Share(mine));
        }).ToList();
        var overall = HandlingStandard.Share(verdicts.Select(v => v.Verdict));
        var late = verdicts.Count(v => v.Verdict == HandlingVerdict.Late);

        var figures = new List<KpiFigure>
        {
            new(Text["Reports.Kpi.Share"], Percent(overall), Alarm: late > 0, Headline: true),
            new(Text["Reports.Kpi.Late"], Count(late), Alarm: late > 0),
        };
        var chart = new ChartOptions(ChartKind.Bar, [.. perSquad.Select(s => s.Name)], [new ChartSeries(Text["Reports.Kpi.Share"], [.. perSquad.Select(s => s.Share ?? 0)])])
        {
            Unit = "%",
            DataLabels = true,
            Colours = ["#36cfc9"],
        };
        var table = Table(
            [Label("Squad"), Label("AlertsRaised"), Text["Reports.Column.InTime"], Text["Reports.Column.Late"], Text["Reports.Kpi.Share"]],
            perSquad.Select(s => (IReadOnlyList<object?>)[s.Name, s.Raised, s.InTime, s.Late, s.Share]));
        return Panel(figures, table, chart);
    }

    private static string Percent(double? share) => share is { } value ? $"{value:0.0}%" : "–";
}
