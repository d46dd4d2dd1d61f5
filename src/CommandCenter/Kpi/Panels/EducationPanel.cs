using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Kpi.Records;
using CommandCenter.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Kpi.Panels;

/// <summary>
/// Education and assistance, summed from the dated activity records (in the month and in all up to its
/// end) and the partner organisations in partnership on the "as of" day.
/// </summary>
public class EducationPanel(IDbContextFactory<CommandCenterDb> factory, IStringLocalizer<UiText> text) : PanelSource(factory, text)
{
    public override string Id => "education";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        var (month, last, day) = (period.Month, period.LastDay, period.AsOf);
        var first = period.TrailingYear()[0];
        await using var db = await OpenAsync(cancellationToken);
        var totals = await db.ActivityRecords.Where(a => a.Date <= last)
            .GroupBy(a => a.Kind)
            .Select(g => new
            {
                Kind = g.Key,
                Records = g.Count(),
                People = g.Sum(a => a.Participants),
                MonthRecords = g.Count(a => a.Date >= month),
                MonthPeople = g.Where(a => a.Date >= month).Sum(a => a.Participants),
            })
            .ToListAsync(cancellationToken);
        var trend = await db.ActivityRecords.Where(a => a.Date >= first && a.Date <= last)
            .GroupBy(a => new { a.Kind, a.Date.Year, a.Date.Month })
            .Select(g => new { g.Key.Kind, g.Key.Year, g.Key.Month, People = g.Sum(a => a.Participants) })
            .ToListAsync(cancellationToken);
        var partners = await db.PartnerOrganisations.Where(p => p.Since <= day && (p.Until == null || p.Until >= day))
            .GroupBy(p => p.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        int Records(params ActivityKind[] kinds) => totals.Where(t => kinds.Contains(t.Kind)).Sum(t => t.Records);
        int People(params ActivityKind[] kinds) => totals.Where(t => kinds.Contains(t.Kind)).Sum(t => t.People);
        int Partners(PartnerKind kind) => partners.Where(p => p.Kind == kind).Sum(p => p.Count);

        var figures = new List<KpiFigure>
        {
            new(Label("VolunteerActivities"), Count(Records(ActivityKind.VolunteerActivity))),
            new(Label("VolunteerPersonTimes"), Count(People(ActivityKind.VolunteerActivity)), Headline: true),
            new(Label("TrainingAndCounselling"), Count(People(ActivityKind.SkillsTraining, ActivityKind.PsychologicalCounselling))),
            new(Label("PlacedInJobs"), Count(People(ActivityKind.JobPlacement))),
            new(Label("CultureClasses"), Count(Records(ActivityKind.CultureClass))),
            new(Label("HardshipGrants"), Count(Records(ActivityKind.HardshipGrant))),
            new(Name(PartnerKind.TrainingBase), Count(Partners(PartnerKind.TrainingBase))),
            new(Name(PartnerKind.PartnerEnterprise), Count(Partners(PartnerKind.PartnerEnterprise))),
            new(Name(PartnerKind.PublicWelfareOrganisation), Count(Partners(PartnerKind.PublicWelfareOrganisation))),
        };

        var months = period.TrailingYear();
        var kinds = Enum.GetValues<ActivityKind>();
        var chart = new ChartOptions(
            ChartKind.Column,
            months.Select(MonthLabel).ToList(),
            kinds.Select(k => new ChartSeries(Name(k), months
                .Select(m => (double)trend.Where(t => t.Kind == k && t.Year == m.Year && t.Month == m.Month).Sum(t => t.People))
                .ToList())).ToList())
        {
            Stacked = true,
        };

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var kind in kinds)
        {
            var row = totals.FirstOrDefault(t => t.Kind == kind);
            rows.Add([Name(kind), row?.MonthRecords ?? 0, row?.MonthPeople ?? 0, row?.Records ?? 0, row?.People ?? 0]);
        }

        rows.AddRange(Enum.GetValues<PartnerKind>().Select(k => (IReadOnlyList<object?>)[Name(k), null, null, Partners(k), null]));
        return Panel(
            figures,
            Table([Label("Item"), Label("RecordsThisMonth"), Label("PersonTimesThisMonth"), Label("RecordsCumulative"), Label("PersonTimesCumulative")], rows),
            chart);
    }
}
