using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Data;
using CommandCenter.Hosting;
using CommandCenter.Kpi;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Reports;

/// <summary>
/// Builds the <see cref="DutyReport"/> of a day from the tables as they are: alerts and their events,
/// check-in schedules and check-ins, leave permits and positioning orders. <c>scope</c> is a squad leader's
/// squad (only its people and the alerts it answered or was sent to), null for all squads.
/// </summary>
public class DutyReportQuery(
    IDbContextFactory<CommandCenterDb> factory, AlertRows rows, SiteClock clock, TimeProvider time, IOptionsMonitor<KpiOptions> kpi)
{
    public async Task<DutyReport> BuildAsync(DateOnly date, int? scope, CancellationToken cancellationToken)
    {
        var start = clock.StartOfDay(date);
        var end = clock.StartOfDay(date.AddDays(1));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = AlertRows.Visible(db.Alerts.AsNoTracking(), scope);

        var raised = await rows.ReadAsync(db, visible.Where(a => a.RaisedAt >= start && a.RaisedAt < end).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id), cancellationToken);
        var open = await rows.ReadAsync(
            db,
            visible.Where(a => a.RaisedAt < end && (a.ClosedAt == null || a.ClosedAt >= end)).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id),
            cancellationToken);
        var people = scope is { } squad ? db.Subjects.Where(s => s.SquadId == squad) : db.Subjects;
        var withinDays = kpi.CurrentValue.ExpiringWithinDays;

        return new DutyReport(
            date,
            end,
            time.GetUtcNow(),
            scope is { } own ? await db.Squads.Where(s => s.Id == own).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) : null,
            raised,
            [.. raised.GroupBy(r => r.Rule).OrderBy(g => g.Key).Select(g => new KindCount(g.Key, g.Count(), g.Count(r => r.Severity == AlertSeverity.Critical)))],
            [.. raised.GroupBy(r => (r.SquadId, r.SquadName)).OrderBy(g => g.Key.SquadName, StringComparer.Ordinal)
                .Select(g => new SquadCount(g.Key.SquadId, g.Key.SquadName, g.Count(), g.Count(r => r.Handling == HandlingVerdict.InTime), g.Count(r => r.Handling == HandlingVerdict.Late)))],
            Summarise(raised),
            [.. open.Select(r => new OpenAlert(r, StateAt(r, end)))],
            await CheckInsAsync(db, people, date, cancellationToken),
            await PermitsAsync(db, people, start, end, cancellationToken),
            await OrdersAsync(db, people, date, withinDays, cancellationToken),
            withinDays);
    }

    private static HandlingSummary Summarise(IReadOnlyList<AlertRow> raised) => new(
        raised.Count,
        raised.Count(r => r.Acknowledged is not null),
        raised.Count(r => r.Dispatched is not null),
        raised.Count(r => r.OnScene is not null),
        raised.Count(r => r.State == AlertState.Resolved),
        raised.Count(r => r.State == AlertState.Dismissed),
        Median(raised.Select(r => r.MinutesToAcknowledge)),
        Median(raised.Select(r => r.MinutesToDispatch)),
        Median(raised.Select(r => r.MinutesToClose)),
        raised.Count(r => r.Handling == HandlingVerdict.InTime),
        raised.Count(r => r.Handling == HandlingVerdict.Late),
        raised.Count(r => r.Handling == HandlingVerdict.NotYetDue),
        HandlingStandard.Share(raised.Select(r => r.Handling)));

    /// <summary>The median of the values present (the mean of the middle two for an even count), one decimal.</summary>
    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 1);
    }

    /// <summary>
    /// The state an open alert was in at hand-over. The lifecycle only moves forward (acknowledged, dispatched,
    /// on scene), so the furthest first step taken before then is the state.
    /// </summary>
    private static AlertState StateAt(AlertRow row, DateTimeOffset handOver) =>
        row.OnScene?.At < handOver ? AlertState.OnScene
        : row.Dispatched?.At < handOver ? AlertState.Dispatched
        : row.Acknowledged?.At < handOver ? AlertState.Acknowledged
        : AlertState.Raised;

    /// <summary>
    /// The deadlines that fall on the day, for people in correction, judged as the missed-check-in rule judges
    /// them: met by a check-in after the deadline before it and no later than this one.
    /// </summary>
    private async Task<List<CheckInDue>> CheckInsAsync(CommandCenterDb db, IQueryable<Subject> people, DateOnly date, CancellationToken cancellationToken)
    {
        var schedules = await db.CheckInSchedules.AsNoTracking()
            .Join(people.Where(s => s.Status == SubjectStatus.InCorrection), c => c.SubjectId, s => s.Id, (c, s) => new
            {
                c.SubjectId, c.FirstDue, c.IntervalDays, c.DueBy, s.Code,
                SquadName = db.Squads.Where(q => q.Id == s.SquadId).Select(q => q.Name).First(),
            })
            .Where(c => c.FirstDue <= date)
            .ToListAsync(cancellationToken);
        var due = schedules
            .Where(c => c.IntervalDays >= 1 && (date.DayNumber - c.FirstDue.DayNumber) % c.IntervalDays == 0)
            .Select(c =>
            {
                var cadence = new CheckInCadence(c.FirstDue, c.IntervalDays, c.DueBy);
                var number = (date.DayNumber - c.FirstDue.DayNumber) / c.IntervalDays;
                // The cadence answers in the site's offset; the database compares UTC only.
                var after = number > 0 ? cadence.Deadline(number - 1, clock.Zone).ToUniversalTime() : DateTimeOffset.MinValue;
                return (c.SubjectId, c.Code, c.SquadName, After: after, Deadline: cadence.Deadline(number, clock.Zone).ToUniversalTime());
            })
            .ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var ids = due.Select(d => d.SubjectId).ToList();
        var earliest = due.Min(d => d.After);
        var latest = due.Max(d => d.Deadline);
        var checkIns = (await db.CheckIns.AsNoTracking()
                .Where(c => ids.Contains(c.SubjectId) && c.At > earliest && c.At <= latest)
                .Select(c => new { c.SubjectId, c.At })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.SubjectId, c => c.At);
        var now = time.GetUtcNow();
        return [.. due.Select(d =>
            {
                DateTimeOffset? met = checkIns[d.SubjectId].Where(at => at > d.After && at <= d.Deadline).Order().Cast<DateTimeOffset?>().LastOrDefault();
                var outcome = met is not null ? CheckInOutcome.Done : d.Deadline > now ? CheckInOutcome.Pending : CheckInOutcome.Missed;
                return new CheckInDue(d.Code, d.SquadName, d.Deadline, met, outcome);
            })
            .OrderBy(d => d.Outcome != CheckInOutcome.Missed).ThenBy(d => d.Deadline).ThenBy(d => d.SubjectCode, StringComparer.Ordinal)];
    }

    /// <summary>Approved permits in force for some part of the day: begun before it ends, neither ended nor revoked before it began; a request still waiting for its decision, or refused, lets nobody out.</summary>
    private static async Task<List<PermitOut>> PermitsAsync(CommandCenterDb db, IQueryable<Subject> people, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var permits = await db.LeavePermits.AsNoTracking()
            .Where(p => p.ApprovedAt != null && p.StartsAt < end && p.EndsAt > start && (p.RevokedAt == null || (p.RevokedAt > start && p.RevokedAt > p.StartsAt)))
            .Join(people, p => p.SubjectId, s => s.Id, (p, s) => new
            {
                p.Id, s.Code, SquadName = db.Squads.Where(q => q.Id == s.SquadId).Select(q => q.Name).First(), p.Destination, p.StartsAt, p.EndsAt, ApprovedBy = p.ApprovedBy!,
            })
            .OrderBy(p => p.StartsAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return [.. permits.Select(p => new PermitOut(p.Id, p.Code, p.SquadName, p.Destination, p.StartsAt, p.EndsAt, p.ApprovedBy))];
    }

    /// <summary>Approved orders, not lifted early, whose last day is the report's day or one of the next <paramref name="withinDays"/>.</summary>
    private static async Task<List<OrderExpiring>> OrdersAsync(CommandCenterDb db, IQueryable<Subject> people, DateOnly date, int withinDays, CancellationToken cancellationToken)
    {
        var last = date.AddDays(withinDays);
        var orders = await db.PositioningOrders.AsNoTracking()
            .Where(o => o.Status == PositioningOrderStatus.Approved && o.EndedEarlyOn == null && o.EndDate >= date && o.EndDate <= last)
            .Join(people, o => o.SubjectId, s => s.Id, (o, s) => new
            {
                o.Id, s.Code, o.EndDate,
                SquadName = db.Squads.Where(q => q.Id == s.SquadId).Select(q => q.Name).First(),
                Extended = db.PositioningOrders.Any(e => e.ExtendsOrderId == o.Id && e.Status == PositioningOrderStatus.Approved),
            })
            .OrderBy(o => o.EndDate).ThenBy(o => o.Code)
            .ToListAsync(cancellationToken);
        return [.. orders.Select(o => new OrderExpiring(o.Id, o.Code, o.SquadName, o.EndDate, o.EndDate.DayNumber - date.DayNumber, o.Extended))];
    }
}
