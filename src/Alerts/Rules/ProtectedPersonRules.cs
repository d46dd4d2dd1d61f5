using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Rules;

/// <summary>
/// 双向定位: the moving exclusion zone around each protected person linked to the subject. Within the larger radius
/// the early warning (<see cref="AlertRule.ProtectedPersonNear"/>) is raised, within the exclusion radius the breach
/// (<see cref="AlertRule.ProtectedPersonBreach"/>); both are debounced like fences, and the alert's detail holds only the
/// distance and the radius in metres, never where the protected person is.
/// </summary>
/// <remarks>
/// Both people move, so the rules are weighed whenever either reports: on the subject's fix, and when the host hands the
/// engine the person's new position (<see cref="EngineTransaction.UpdateProtectedPeople"/>). A distance counts only when
/// it is clear: within a radius once the distance plus both fixes' accuracies is inside it, apart once the distance less
/// both accuracies is beyond it. Anything between, or a position older than
/// <see cref="AlertEngineOptions.ProtectedPositionMaxAge"/> on either side, is uncertain and neither advances nor ends a
/// crossing, so GPS drift or a phone gone quiet cannot make the alert flap.
/// </remarks>
internal static class ProtectedPersonRules
{
    private static readonly RuleKey Breach = new(AlertRule.ProtectedPersonBreach, null);
    private static readonly RuleKey Near = new(AlertRule.ProtectedPersonNear, null);

    /// <param name="tx">The unit of work.</param>
    /// <param name="state">The subject's staged state.</param>
    /// <param name="fixIndex">The index of the subject's fix in the batch; -1 when a timer or the person's fix looks.</param>
    /// <param name="countsAsFix">Whether a new fix (the subject's or the person's) is behind this look, which counts towards confirmation.</param>
    public static void Evaluate(EngineTransaction tx, SubjectState state, int fixIndex, bool countsAsFix)
    {
        if (state.ProtectedPeople.Count == 0 && !Concerns(state, Breach) && !Concerns(state, Near))
        {
            return;
        }

        Weigh(tx, state, Breach, link => link.ExclusionMetres, fixIndex, countsAsFix);
        Weigh(tx, state, Near, link => link.WarningMetres, fixIndex, countsAsFix);
    }

    private static bool Concerns(SubjectState state, RuleKey key) => state.Active.Contains(key) || state.Pending.ContainsKey(key);

    private static void Weigh(EngineTransaction tx, SubjectState state, RuleKey key, Func<ProtectedPersonLink, double> radiusOf, int fixIndex, bool countsAsFix)
    {
        var (verdict, nearest, radius) = Measure(tx, state, radiusOf);
        if (verdict == Verdict.Uncertain)
        {
            return;
        }

        var subject = state.LastFix!.Value;
        var sighting = new Sighting(subject.Longitude, subject.Latitude, subject.AccuracyMetres, tx.Now, subject.At, fixIndex);
        if (verdict == Verdict.Within)
        {
            PlaceRules.Advance(tx, state, key, immediate: false, sighting, countsAsFix, AlertDetail.ProtectedPerson(key.Rule, nearest, radius));
            return;
        }

        if (state.Pending.Remove(key, out var pending))
        {
            tx.Notice(new TransitionNotice(new AlertKey(state.Facts.SubjectId, key), TransitionChange.Cancelled, pending.Since, pending.Fixes) { FixIndex = fixIndex });
        }

        if (state.Active.Remove(key))
        {
            tx.Clear(state, key, fixIndex);
        }
    }

    /// <summary>Within when any person is clearly within their radius (the nearest such is reported); apart when all are clearly beyond.</summary>
    private static (Verdict Verdict, double Nearest, double Radius) Measure(EngineTransaction tx, SubjectState state, Func<ProtectedPersonLink, double> radiusOf)
    {
        var maxAge = tx.Options.ProtectedPositionMaxAge;
        if (state.LastFix is not { } subject || tx.Now - subject.At > maxAge)
        {
            return (Verdict.Uncertain, 0, 0);
        }

        var verdict = Verdict.Apart;
        var nearest = double.PositiveInfinity;
        var nearestRadius = 0d;
        foreach (var link in state.ProtectedPeople)
        {
            if (link.Position is not { } person || tx.Now - person.At > maxAge)
            {
                verdict = verdict == Verdict.Within ? verdict : Verdict.Uncertain;
                continue;
            }

            var distance = PointDistance.Metres(subject.Longitude, subject.Latitude, person.Longitude, person.Latitude);
            var margin = (subject.AccuracyMetres ?? 0) + (person.AccuracyMetres ?? 0);
            var radius = radiusOf(link);
            if (distance + margin <= radius)
            {
                verdict = Verdict.Within;
                if (distance < nearest)
                {
                    (nearest, nearestRadius) = (distance, radius);
                }
            }
            else if (distance - margin <= radius && verdict != Verdict.Within)
            {
                verdict = Verdict.Uncertain;
            }
        }

        return (verdict, nearest, nearestRadius);
    }

    private enum Verdict
    {
        Apart,
        Uncertain,
        Within,
    }
}
