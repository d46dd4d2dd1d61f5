using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Kpi.Records;
using CommandCenter.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Kpi.Panels;

/// <summary>The party branch on the "as of" day: its members by unit (the brigade and each squad's party group) and the month's themed party day.</summary>
public class PartyBranchPanel(IDbContextFactory<CommandCenterDb> factory, IStringLocalizer<UiText> text) : PanelSource(factory, text)
{
    public override string Id => "party-branch";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var day = period.AsOf;
        await using var db = await OpenAsync(cancellationToken);
        var squads = await db.Squads.OrderBy(s => s.Code).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var members = await db.PartyMembers.Where(m => m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn > day))
            .Select(m => new { m.SquadId, m.Role })
            .ToListAsync(cancellationToken);
        var themedDays = await db.PartyMeetings
            .Where(m => m.Kind == PartyMeetingKind.ThemedPartyDay && m.Date >= period.Month && m.Date <= period.LastDay)
            .Select(m => m.Attendance)
            .ToListAsync(cancellationToken);

        var units = new List<(string Name, int? SquadId)> { (Label("Brigade"), null) };
        units.AddRange(squads.Select(s => (s.Name, (int?)s.Id)));
        var committee = members.Count(m => m.Role is PartyRole.Secretary or PartyRole.CommitteeMember);
        var figures = new List<KpiFigure>
        {
            new(Label("Members"), Count(members.Count), Headline: true),
            new(Label("Committee"), Count(committee)),
            new(Label("ThemedPartyDayAttendance"), Count(themedDays.Sum())),
        };
        var chart = new ChartOptions(
            ChartKind.Column,
            units.Select(u => u.Name).ToList(),
            [new ChartSeries(Label("Members"), units.Select(u => (double)members.Count(m => m.SquadId == u.SquadId)).ToList())])
        {
            Colours = ["#ff4d4f"],
            DataLabels = true,
        };
        var rows = units.Select(u => (IReadOnlyList<object?>)[
            u.Name,
            members.Count(m => m.SquadId == u.SquadId),
            members.Count(m => m.SquadId == u.SquadId && m.Role is PartyRole.Secretary or PartyRole.CommitteeMember)]);
        return Panel(figures, Table([Label("Unit"), Label("Members"), Label("Committee")], rows), chart);
    }
}
