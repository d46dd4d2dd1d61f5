using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Geo.Fences;

namespace CommandCenter.Alerts.Rules;

/// <summary>外出逾期未归: a timer rule that looks at each approved leave once it has ended.</summary>
/// <remarks>
/// At the end of a leave, plus the dwell time the crossing debounce already allows (a person driving home may
/// cross the county line a minute late, and a fix may be on its way), the person must have a fix taken since the
/// leave began that is inside every inclusion fence that applies to them (the county, a permitted area), judged
/// as the crossing rules judge an exit: clearly outside only beyond the fix's accuracy. Otherwise the alert is
/// raised once for that leave. Its condition ends with the first fix back inside. A leave is looked at once:
/// it then leaves the engine's memory. A leave that ended while nobody was looking (the host was down) comes back
/// from the loader marked <see cref="ApprovedLeave.EndedUnseen"/> with the last fix taken by the end of its grace,
/// and is judged by that fix as it would have been at the time; the loader leaves out a leave already raised, and
/// judging one already found returned again finds it returned.
/// </remarks>
internal static class LeaveRules
{
    private static readonly RuleKey Overdue = new(AlertRule.LeaveOverdue, null);

    public static void ReviewReturns(EngineTransaction tx, SubjectState state)
    {
        var grace = tx.Options.DwellTime;
        if (state.Active.Contains(Overdue) && state.LastFix is { } last && IsInside(tx, state, last))
        {
            var back = tx.Stage(state.Facts.SubjectId);
            back.Active.Remove(Overdue);
            tx.Clear(back, Overdue, -1);
        }

        foreach (var leave in state.Leaves)
        {
            if (leave.To + grace > tx.Now)
            {
                continue;
            }

            var staged = tx.Stage(state.Facts.SubjectId);
            staged.Leaves = [.. staged.Leaves.Where(l => l.PermitId != leave.PermitId)];
            var judgedBy = leave.EndedUnseen ? leave.FixByEnd : staged.LastFix;
            var returned = judgedBy is { } fix && fix.At >= leave.From && IsInside(tx, staged, fix);
            if (!returned && staged.Active.Add(Overdue))
            {
                tx.Raise(staged, Overdue, null, AlertDetail.LeaveOverdue(leave.PermitId, TimeZoneInfo.ConvertTime(leave.To, tx.TimeZone)));
            }
        }
    }

    private static bool IsInside(EngineTransaction tx, SubjectState state, LastFix fix)
    {
        var verdict = tx.Scratch.Verdict;
        tx.Fences.Evaluate(fix.Longitude, fix.Latitude, state.Facts.FenceSubject, tx.Now, verdict);
        var sighting = new Sighting(fix.Longitude, fix.Latitude, fix.AccuracyMetres, tx.Now, fix.At, -1);
        foreach (var fence in verdict.Outside)
        {
            if (fence.Kind == FenceKind.Inclusion && PlaceRules.IsClearlyOutside(fence, sighting))
            {
                return false;
            }
        }

        return true;
    }
}
