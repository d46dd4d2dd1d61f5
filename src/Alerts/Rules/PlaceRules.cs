using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Geo.Fences;

namespace CommandCenter.Alerts.Rules;

/// <summary>
/// 越界, 进入禁区 and 宵禁, with leave permits: which fences a position breaches, and the debounce that
/// turns a breach into an alert only when it is confirmed.
/// </summary>
/// <remarks>
/// A fix counts as beyond a fence only when it is clearly so: leaving an inclusion or home zone needs the
/// fix farther from the drawn edge than the larger of the fence's buffer and the fix's accuracy; entering
/// an exclusion zone needs the whole accuracy circle inside the (buffered) zone. A fix within its
/// accuracy of the line is uncertain: it neither advances nor cancels a pending crossing.
/// </remarks>
internal static class PlaceRules
{
    public static void Evaluate(EngineTransaction tx, SubjectState state, FenceIndex index, in Sighting sighting)
    {
        var beyond = tx.Scratch.Beyond;
        var uncertain = tx.Scratch.Uncertain;
        beyond.Clear();
        uncertain.Clear();

        var verdict = tx.Scratch.Verdict;
        index.Evaluate(sighting.Longitude, sighting.Latitude, state.Facts.FenceSubject, sighting.At, verdict);
        var leave = state.LeaveAt(sighting.At);
        foreach (var fence in verdict.Inside)
        {
            if (fence.Kind == FenceKind.Exclusion)
            {
                Classify(new RuleKey(AlertRule.ZoneEntry, fence.Id), fence, IsClearlyInside(fence, sighting), beyond, uncertain);
            }
        }

        // On approved leave the permitted and home zones do not hold; once out of them, the destination does
        // (a subject still at home, or back early, is where the rules want them).
        if (leave is null)
        {
            foreach (var fence in verdict.Outside)
            {
                var rule = fence.Kind == FenceKind.Home ? AlertRule.Curfew : AlertRule.ZoneExit;
                Classify(new RuleKey(rule, fence.Id), fence, IsClearlyOutside(fence, sighting), beyond, uncertain);
            }
        }
        else if (verdict.Outside.Any(f => f.Kind == FenceKind.Inclusion) && !leave.Destination.Covers(sighting.Longitude, sighting.Latitude))
        {
            Classify(new RuleKey(AlertRule.ZoneExit, null), leave.Destination, IsClearlyOutside(leave.Destination, sighting), beyond, uncertain);
        }

        foreach (var (key, fence) in beyond)
        {
            var detail = leave is not null && key.FenceId is null ? AlertDetail.OutsideLeaveDestination(leave.PermitId) : null;
            Advance(tx, state, key, fence.Immediate, sighting, !sighting.ByTimer, detail);
        }

        EndWhatNoLongerHolds(tx, state, sighting, beyond, uncertain);
    }

    private static void Classify(RuleKey key, FenceDefinition fence, bool clearly, Dictionary<RuleKey, FenceDefinition> beyond, HashSet<RuleKey> uncertain)
    {
        if (clearly)
        {
            beyond[key] = fence;
        }
        else
        {
            uncertain.Add(key);
        }
    }

    internal static bool IsClearlyOutside(FenceDefinition fence, in Sighting sighting) =>
        sighting.AccuracyMetres is not { } accuracy || accuracy <= fence.BufferMetres
        || FenceDistance.ToBoundaryMetres(fence.Geometry, sighting.Longitude, sighting.Latitude) > accuracy;

    private static bool IsClearlyInside(FenceDefinition fence, in Sighting sighting) =>
        sighting.AccuracyMetres is not { } accuracy || accuracy <= 0
        || FenceDistance.ToBoundaryMetres(fence.EffectiveGeometry, sighting.Longitude, sighting.Latitude) >= accuracy;

    /// <summary>
    /// One more sighting beyond: starts or advances the pending crossing and raises once enough fixes or enough time
    /// confirm it. A look that brings no new fix (<paramref name="countsAsFix"/> false) confirms only by dwell.
    /// </summary>
    internal static void Advance(EngineTransaction tx, SubjectState state, RuleKey key, bool immediate, in Sighting sighting, bool countsAsFix, AlertDetail? detail)
    {
        if (state.Active.Contains(key))
        {
            return;
        }

        var seenBefore = state.Pending.TryGetValue(key, out var pending);
        if (!seenBefore)
        {
            pending = new PendingBreach(sighting.At, 1);
        }
        else if (countsAsFix)
        {
            pending = pending with { Fixes = pending.Fixes + 1 };
        }

        var options = tx.Options;
        var confirmed = immediate || pending.Fixes >= options.ConfirmationFixes || sighting.At - pending.Since >= options.DwellTime;
        var alertKey = new AlertKey(state.Facts.SubjectId, key);
        if (!confirmed)
        {
            state.Pending[key] = pending;
            if (!seenBefore)
            {
                tx.Notice(new TransitionNotice(alertKey, TransitionChange.Started, pending.Since, pending.Fixes) { FixIndex = sighting.FixIndex });
            }

            return;
        }

        state.Pending.Remove(key);
        state.Active.Add(key);
        if (seenBefore)
        {
            tx.Notice(new TransitionNotice(alertKey, TransitionChange.Confirmed, pending.Since, pending.Fixes) { FixIndex = sighting.FixIndex });
        }

        tx.Raise(state, key, sighting, detail);
    }

    private static void EndWhatNoLongerHolds(EngineTransaction tx, SubjectState state, in Sighting sighting,
        Dictionary<RuleKey, FenceDefinition> beyond, HashSet<RuleKey> uncertain)
    {
        var ended = tx.Scratch.Keys;
        ended.Clear();
        foreach (var key in state.Pending.Keys)
        {
            // Other rules debounce in the same memory (the protected person's zone) and end their own crossings.
            if (key.IsAboutPlace && !beyond.ContainsKey(key) && !uncertain.Contains(key))
            {
                ended.Add(key);
            }
        }

        foreach (var key in ended)
        {
            var pending = state.Pending[key];
            state.Pending.Remove(key);
            tx.Notice(new TransitionNotice(new AlertKey(state.Facts.SubjectId, key), TransitionChange.Cancelled, pending.Since, pending.Fixes) { FixIndex = sighting.FixIndex });
        }

        ended.Clear();
        foreach (var key in state.Active)
        {
            if (key.IsAboutPlace && !beyond.ContainsKey(key) && !uncertain.Contains(key))
            {
                ended.Add(key);
            }
        }

        foreach (var key in ended)
        {
            state.Active.Remove(key);
            tx.Clear(state, key, sighting.FixIndex);
        }
    }
}
