using System.Globalization;
using CommandCenter.AlertLog;
using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Kpi.Records;
using CommandCenter.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Kpi.Panels;

/// <summary>
/// The squad scoreboard of the combined party-and-business assessment (党建与业务同步考评) for the month.
/// Each part scores 0 to 100 from the records; the total is their mean under the configured weights.
/// </summary>
public class ScoreboardPanel(IDbContextFactory<CommandCenterDb> factory, IOptions<KpiOptions> options, IStringLocalizer<UiText> text)
    : PanelSource(factory, text)
{
    private static readonly ActivityKind[] EducationKinds = [ActivityKind.SkillsTraining, ActivityKind.PsychologicalCounselling, ActivityKind.CultureClass];

    public override string Id => "scoreboard";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (month, last, day) = (period.Month, period.LastDay, period.AsOf);
        await using var db = await OpenAsync(cancellationToken);
        var squads = await db.Squads.OrderBy(s => s.Code).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var meetings = await db.PartyMeetings
            .Where(m => m.Kind == PartyMeetingKind.GroupMeeting && m.Date >= period.QuarterStart && m.Date <= last && m.SquadId != null)
            .GroupBy(m => m.SquadId).Select(g => new { SquadId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var activities = await db.ActivityRecords.Where(a => a.Date >= month && a.Date <= last && a.SquadId != null)
            .GroupBy(a => new { a.SquadId, a.Kind }).Select(g => new { g.Key.SquadId, g.Key.Kind, People = g.Sum(a => a.Participants) })
            .ToListAsync(cancellationToken);
        var subjects = await db.Subjects.Where(s => s.IntakeDate <= day && (s.ReleaseDate == null || s.ReleaseDate > day))
            .GroupBy(s => s.SquadId).Select(g => new { SquadId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var alerts = await db.Alerts.Where(a => a.RaisedAt >= period.From && a.RaisedAt < period.To)
            .Select(a => new
            {
                a.SquadId,
                Waited = a.Events.Where(e => e.Kind == AlertEventKind.Acknowledged).Min(e => (DateTimeOffset?)e.At) - a.RaisedAt,
            })
            .ToListAsync(cancellationToken);
        var losses = await db.SupervisionLossEvents.Where(e => e.Date >= month && e.Date <= last)
            .Select(e => db.Subjects.Where(s => s.Id == e.SubjectId).Select(s => s.SquadId).First())
            .ToListAsync(cancellationToken);

        var cadence = settings.Cadence.GetValueOrDefault(PartyMeetingKind.GroupMeeting) ?? new MeetingCadence { Per = CadencePeriod.Month };
        var monthsIntoQuarter = month.Month - period.QuarterStart.Month + 1;
        var requiredSoFar = cadence.Per == CadencePeriod.Month ? cadence.Count * monthsIntoQuarter : cadence.Count;
        double Volunteer(int squadId) => activities.Where(a => a.SquadId == squadId && a.Kind == ActivityKind.VolunteerActivity).Sum(a => a.People);
        double Education(int squadId) =>
            activities.Where(a => a.SquadId == squadId && EducationKinds.Contains(a.Kind)).Sum(a => a.People)
            / (double)Math.Max(1, subjects.Where(s => s.SquadId == squadId).Sum(s => s.Count));
        var bestVolunteer = squads.Max(s => Volunteer(s.Id));
        var bestEducation = squads.Max(s => Education(s.Id));

        var weights = settings.Weights;
        var scores = squads.Select(s =>
        {
            var squadAlerts = alerts.Where(a => a.SquadId == s.Id).ToList();
            var parts = new[]
            {
                Math.Min(1, meetings.Where(m => m.SquadId == s.Id).Sum(m => m.Count) / (double)Math.Max(1, requiredSoFar)) * 100,
                Relative(Volunteer(s.Id), bestVolunteer),
                Relative(Education(s.Id), bestEducation),
                squadAlerts.Count == 0 ? 100 : 100.0 * squadAlerts.Count(a => a.Waited <= settings.AcknowledgeTarget) / squadAlerts.Count,
                losses.Contains(s.Id) ? 0 : 100,
            };
            double[] weight = [weights.PartyLife, weights.Volunteer, weights.Education, weights.AlertResponse, weights.Safety];
            var total = parts.Select((p, i) => p * weight[i]).Sum() / weights.Total;
            return (s.Name, Parts: parts.Select(p => Math.Round(p, 1)).ToArray(), Weighted: parts.Select((p, i) => Math.Round(p * weight[i] / weights.Total, 1)).ToArray(), Total: Math.Round(total, 1));
        }).OrderByDescending(s => s.Total).ToList();

        string[] partNames = [Label("PartyLife"), Label("Volunteer"), Label("Education"), Label("AlertResponse"), Label("Safety")];
        var leader = scores.FirstOrDefault();
        var figures = new List<KpiFigure>
        {
            new(Label("LeadingSquad"), leader.Name ?? "–", Headline: true),
            new(Label("LeadingScore"), leader.Name is null ? "–" : leader.Total.ToString("0.0", CultureInfo.CurrentCulture)),
        };
        var chart = new ChartOptions(
            ChartKind.Bar,
            scores.Select(s => s.Name).ToList(),
            partNames.Select((name, i) => new ChartSeries(name, scores.Select(s => Math.Round(s.Weighted[i], 1)).ToList())).ToList())
        {
            Stacked = true,
        };
        var columns = new List<string> { Label("Squad") };
        columns.AddRange(partNames);
        columns.Add(Label("Total"));
        var rows = scores.Select(s =>
        {
            var row = new List<object?> { s.Name };
            row.AddRange(s.Parts.Cast<object?>());
            row.Add(s.Total);
            return (IReadOnlyList<object?>)row;
        });
        return Panel(figures, Table(columns, rows), chart);
    }

    private static double Relative(double value, double best) => best <= 0 ? 0 : value / best * 100;
}
