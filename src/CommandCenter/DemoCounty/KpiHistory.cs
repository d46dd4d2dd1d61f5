using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Squads;
using CommandCenter.Subjects;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Adds the history the KPI panels report on: 24 months of releases, closed alerts with their dispositions,
/// party meetings, education and assistance records and partners. Runs inside the demo seed's transaction,
/// with its own random sequence so it leaves the rest of the county as it was.
/// </summary>
public class KpiHistory(Random random, SiteClock clock)
{
    public const int Months = 24;

    /// <summary>The county's reported 203 admonitions, 115 warnings and 9 revocation proposals.</summary>
    public static readonly IReadOnlyList<(Disposition Disposition, int Count)> Disciplinary =
        [(Disposition.Admonition, 203), (Disposition.Warning, 115), (Disposition.RevocationProposal, 9)];

    public async Task AddAsync(CommandCenterDb db, IReadOnlyList<Squad> squads, IReadOnlyList<Subject> subjects, DateOnly today, CancellationToken cancellationToken)
    {
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        var historyStart = today.AddMonths(-Months);

        var released = new ReleasedPeoplePlanner(random).Plan(subjects, squads, today, Months, perMonth: 18);
        db.Subjects.AddRange(released);
        await db.SaveChangesAsync(cancellationToken);

        // Alerts stop two days back: every one is closed before now, wherever in the day the seed runs.
        var everyone = subjects.Concat(released).ToList();
        db.Alerts.AddRange(new AlertHistoryPlanner(random, clock).Plan(everyone, historyStart, today.AddDays(-2), perDay: 6, Disciplinary));

        var party = new PartyHistoryPlanner(random);
        var members = party.Members(squads, historyStart);
        db.PartyMembers.AddRange(members);
        db.PartyMeetings.AddRange(party.Meetings(squads, members, firstMonth, today));

        var assistance = new AssistanceHistoryPlanner(random);
        db.ActivityRecords.AddRange(assistance.Activities(squads, historyStart, today.AddDays(-1)));
        db.PartnerOrganisations.AddRange(assistance.Partners(squads, today));
        await db.SaveChangesAsync(cancellationToken);
    }
}
