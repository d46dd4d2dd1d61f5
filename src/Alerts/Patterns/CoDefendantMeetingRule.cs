using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;

namespace CommandCenter.Alerts.Patterns;

/// <summary>
/// 同案犯聚集 for everyone linked: each person of a pair that is meeting gets the alert (both squads must know), naming
/// the other's case number. A person's condition ends only when every pair of theirs with recent fixes is apart, so
/// that one co-defendant leaving does not clear a meeting with another.
/// </summary>
public static class CoDefendantMeetingRule
{
    private static readonly RuleKey Meeting = new(AlertRule.CoDefendantMeeting, null);

    /// <summary>The raises and clears the pairs' samples call for, as of <paramref name="now"/>.</summary>
    public static IReadOnlyList<AlertDecision> Decide(IEnumerable<CoDefendantPair> pairs, DateTimeOffset now, ProximityThresholds thresholds, AlertSeverity severity)
    {
        var seen = new Dictionary<long, (PatternSubject Subject, List<(ProximityVerdictKind Kind, PatternSubject Other)> Verdicts)>();
        foreach (var pair in pairs)
        {
            var verdict = SustainedProximity.Judge(pair.Samples, now, thresholds).Kind;
            Note(seen, pair.First, pair.Second, verdict);
            Note(seen, pair.Second, pair.First, verdict);
        }

        var decisions = new List<AlertDecision>();
        foreach (var (subject, verdicts) in seen.Values.OrderBy(v => v.Subject.SubjectId))
        {
            var key = new AlertKey(subject.SubjectId, Meeting);
            var meeting = verdicts.Where(v => v.Kind == ProximityVerdictKind.Meeting).Select(v => v.Other).OrderBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault();
            if (meeting is not null)
            {
                decisions.Add(new AlertDecision(AlertDecisionKind.Raise, key, severity, now)
                {
                    SquadId = subject.SquadId,
                    Detail = AlertDetail.CoDefendantMeeting(meeting.Code, thresholds.WithinMetres, thresholds.Sustained),
                });
            }
            else if (verdicts.All(v => v.Kind is ProximityVerdictKind.Apart or ProximityVerdictKind.Unknown) && verdicts.Any(v => v.Kind == ProximityVerdictKind.Apart))
            {
                decisions.Add(new AlertDecision(AlertDecisionKind.ClearCondition, key, severity, now) { SquadId = subject.SquadId });
            }
        }

        return decisions;
    }

    private static void Note(Dictionary<long, (PatternSubject, List<(ProximityVerdictKind, PatternSubject)>)> seen, PatternSubject subject, PatternSubject other, ProximityVerdictKind verdict)
    {
        if (!seen.TryGetValue(subject.SubjectId, out var entry))
        {
            entry = (subject, []);
            seen[subject.SubjectId] = entry;
        }

        entry.Item2.Add((verdict, other));
    }
}
