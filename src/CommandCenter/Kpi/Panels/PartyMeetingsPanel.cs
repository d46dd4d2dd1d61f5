using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Kpi.Records;
using CommandCenter.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Kpi.Panels;

/// <summary>
/// 三会一课 and 主题党日 held in the month's quarter against the configured cadence. A kind required of
/// every squad is met only when each squad's party group has held its own share.
/// </summary>
public class PartyMeetingsPanel(IDbContextFactory<CommandCenterDb> factory, IOptions<KpiOptions> options, IStringLocalizer<UiText> text)
    : PanelSource(factory, text)
{
    public override string Id => "party-meetings";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var (from, to) = (period.QuarterStart, period.QuarterEnd);
        await using var db = await OpenAsync(cancellationToken);
        var squadIds = await db.Squads.Select(s => s.Id).ToListAsync(cancellationToken);
        var held = await db.PartyMeetings.Where(m => m.Date >= from && m.Date <= to)
            .GroupBy(m => new { m.Kind, m.SquadId })
            .Select(g => new { g.Key.Kind, g.Key.SquadId, Count = g.Count(), Attendance = g.Sum(m => m.Attendance) })
            .ToListAsync(cancellationToken);

        var kinds = Enum.GetValues<PartyMeetingKind>();
        var results = kinds.Select(kind =>
        {
            var cadence = options.Value.Cadence.GetValueOrDefault(kind);
            var ofKind = held.Where(h => h.Kind == kind).ToList();
            var required = cadence?.RequiredPerQuarter(squadIds.Count) ?? 0;
            var count = ofKind.Sum(h => h.Count);
            var met = cadence is { PerSquad: true }
                ? squadIds.All(id => ofKind.Where(h => h.SquadId == id).Sum(h => h.Count) >= cadence.RequiredPerQuarter(1))
                : count >= required;
            return (Kind: kind, Held: count, Required: required, Met: met, Attendance: ofKind.Sum(h => h.Attendance));
        }).ToList();

        var quarter = string.Format(CultureInfo.CurrentCulture, Label("QuarterOf"), period.Month.Year, period.Quarter);
        var metCount = results.Count(r => r.Met);
        var figures = new List<KpiFigure>
        {
            new(Label("CadenceMet"), $"{metCount} / {results.Count}", Alarm: !period.IsCurrent && metCount < results.Count, Headline: true),
            new(Label("Quarter"), quarter),
            new(Label("MeetingsHeld"), Count(results.Sum(r => r.Held))),
        };
        var chart = new ChartOptions(
            ChartKind.Bar,
            results.Select(r => Name(r.Kind)).ToList(),
            [
                new ChartSeries(Label("Held"), results.Select(r => (double)r.Held).ToList()),
                new ChartSeries(Label("Required"), results.Select(r => (double)r.Required).ToList()),
            ])
        {
            Colours = ["#ff4d4f", "#5b7291"],
            DataLabels = true,
        };
        var rows = results.Select(r => (IReadOnlyList<object?>)[Name(r.Kind), r.Held, r.Required, r.Met ? Label("Yes") : Label("No"), r.Attendance]);
        return Panel(figures, Table([Label("MeetingKind"), Label("Held"), Label("Required"), Label("Met"), Label("Attendance")], rows), chart);
    }
}
