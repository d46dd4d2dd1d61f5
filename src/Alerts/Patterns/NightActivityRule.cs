using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;

namespace CommandCenter.Alerts.Patterns;

/// <summary>
/// 昼伏夜出 for one person: raised when the judgement finds the pattern, its condition ended when a judgement with
/// enough data finds the usual rhythm again; with too little data nothing changes either way.
/// </summary>
public static class NightActivityRule
{
    private static readonly RuleKey Night = new(AlertRule.NightActivity, null);

    /// <summary>The decision the person's days call for as of <paramref name="now"/>, or null for none.</summary>
    public static AlertDecision? Decide(PatternSubject subject, IEnumerable<DailyMovement> days, DateTimeOffset now, TimeZoneInfo zone,
        NightActivityThresholds thresholds, AlertSeverity severity)
    {
        var verdict = NightActivityJudgement.Judge(days, now, zone, thresholds);
        var key = new AlertKey(subject.SubjectId, Night);
        return verdict.Kind switch
        {
            NightActivityVerdictKind.NightPattern => new AlertDecision(AlertDecisionKind.Raise, key, severity, now)
            {
                SquadId = subject.SquadId,
                Detail = AlertDetail.NightActivity(verdict.RecentNightShare, verdict.EarlierNightShare),
            },
            NightActivityVerdictKind.Usual => new AlertDecision(AlertDecisionKind.ClearCondition, key, severity, now) { SquadId = subject.SquadId },
            _ => null,
        };
    }
}
