using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Reports;

/// <summary>
/// Reads alerts with their handling steps into <see cref="AlertRow"/>s, judged against the set times: the one
/// reading that the register, the duty report and the KPI panel share, so they cannot disagree on a figure.
/// </summary>
public class AlertRows(IOptionsMonitor<AlertOptions> options, TimeProvider time)
{
    private static readonly AlertEventKind[] Steps =
        [AlertEventKind.Acknowledged, AlertEventKind.Dispatched, AlertEventKind.OnScene, AlertEventKind.Resolved, AlertEventKind.Dismissed];

    /// <summary>The alerts a squad leader may see: their squad's, and those their squad was sent to.</summary>
    public static IQueryable<Alert> Visible(IQueryable<Alert> alerts, int? squad) =>
        squad is null ? alerts : alerts.Where(a => a.SquadId == squad || a.DispatchedSquadId == squad);

    /// <summary>
    /// Only the verdicts of the alerts the query selects, with their squad: the KPI panel's reading, light
    /// enough for a month of a county's alerts (the first answer is found by the database, per alert).
    /// </summary>
    public async Task<List<(int SquadId, HandlingVerdict Verdict)>> JudgeAsync(CommandCenterDb db, IQueryable<Alert> alerts, CancellationToken cancellationToken)
    {
        var answers = HandlingStandard.Answers.ToArray();
        var judged = await alerts
            .Select(a => new
            {
                a.SquadId, a.RaisedAt, a.Severity,
                Answered = db.AlertEvents.Where(e => e.AlertId == a.Id && answers.Contains(e.Kind) && e.Actor != HandlingStandard.SystemActor)
                    .Min(e => (DateTimeOffset?)e.At),
            })
            .ToListAsync(cancellationToken);
        var policy = options.CurrentValue.ToEscalationPolicy();
        var now = time.GetUtcNow();
        return [.. judged.Select(j => (j.SquadId, HandlingStandard.Judge(j.RaisedAt, j.Answered, policy.WaitFor(j.Severity), now)))];
    }

    /// <summary>The rows of the alerts the query selects, in its order.</summary>
    public async Task<List<AlertRow>> ReadAsync(CommandCenterDb db, IQueryable<Alert> alerts, CancellationToken cancellationToken)
    {
        var heads = await alerts
            .Select(a => new
            {
                a.Id, a.RaisedAt, a.Rule, a.Severity, a.State, a.SquadId, a.Disposition, a.EscalatedAt,
                SquadName = db.Squads.Where(s => s.Id == a.SquadId).Select(s => s.Name).First(),
                SubjectCode = db.Subjects.Where(s => s.Id == a.SubjectId).Select(s => s.Code).First(),
            })
            .ToListAsync(cancellationToken);
        var ids = heads.Select(h => h.Id).ToList();
        var steps = (await db.AlertEvents.AsNoTracking()
                .Where(e => ids.Contains(e.AlertId) && Steps.Contains(e.Kind))
                .OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new { e.AlertId, Step = new AlertStepTaken(e.Kind, e.At, e.Actor) })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.AlertId, e => e.Step);

        var policy = options.CurrentValue.ToEscalationPolicy();
        var now = time.GetUtcNow();
        return [.. heads.Select(h =>
        {
            var taken = steps[h.Id].ToList();
            AlertStepTaken? First(params AlertEventKind[] kinds) => taken.FirstOrDefault(s => kinds.Contains(s.Kind));
            var answered = taken.FirstOrDefault(s => HandlingStandard.Answers.Contains(s.Kind) && s.Actor != HandlingStandard.SystemActor);
            return new AlertRow(h.Id, h.RaisedAt, h.Rule, h.Severity, h.State, h.SquadId, h.SquadName, h.SubjectCode)
            {
                Answered = answered,
                Acknowledged = First(AlertEventKind.Acknowledged),
                Dispatched = First(AlertEventKind.Dispatched),
                OnScene = First(AlertEventKind.OnScene),
                Closed = AlertStates.IsOpen(h.State) ? null : First(AlertEventKind.Resolved, AlertEventKind.Dismissed),
                Disposition = h.Disposition,
                EscalatedAt = h.EscalatedAt,
                Handling = HandlingStandard.Judge(h.RaisedAt, answered?.At, policy.WaitFor(h.Severity), now),
            };
        })];
    }
}
