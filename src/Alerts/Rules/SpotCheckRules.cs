using CommandCenter.Alerts.Checks;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Rules;

/// <summary>信息化核查未通过: raises once for each spot check that failed, on the timer or when an answer arrives.</summary>
internal static class SpotCheckRules
{
    private static readonly RuleKey SpotCheckFailed = new(AlertRule.SpotCheckFailed, null);

    /// <summary>
    /// Weighs the subject's open checks. A failure is raised only if it became known after the last one raised
    /// (<see cref="SubjectState.SpotChecksAlertedUpTo"/>, kept as <see cref="NewestRaised"/> says). Judged checks are forgotten.
    /// </summary>
    public static void Review(EngineTransaction tx, SubjectState state)
    {
        if (state.SpotChecks.Count == 0)
        {
            return;
        }

        var judged = state.SpotChecks
            .Select(check => (Check: check, Judgement: SpotCheckJudgement.Of(check, tx.Now)))
            .Where(j => j.Judgement is not null)
            .OrderBy(j => j.Judgement!.KnownAt)
            .ToList();
        if (judged.Count == 0)
        {
            return;
        }

        var staged = tx.Stage(state.Facts.SubjectId);
        staged.SpotChecksAlertedUpTo = NewestRaised.RaiseAfter(staged.SpotChecksAlertedUpTo, judged.Where(j => j.Judgement!.Failure is not null),
            j => j.Judgement!.KnownAt, j => tx.Raise(staged, SpotCheckFailed, null, Detail(j.Check, j.Judgement!.Failure!.Value, tx.TimeZone)));

        var done = judged.Select(j => j.Check.CheckId).ToHashSet();
        staged.SpotChecks = [.. staged.SpotChecks.Where(c => !done.Contains(c.CheckId))];
    }

    private static AlertDetail Detail(SpotCheckDue check, SpotCheckFailure failure, TimeZoneInfo zone) => failure switch
    {
        SpotCheckFailure.Unanswered => AlertDetail.SpotCheckUnanswered(TimeZoneInfo.ConvertTime(check.Deadline, zone)),
        SpotCheckFailure.Late => AlertDetail.SpotCheckLate(TimeZoneInfo.ConvertTime(check.Deadline, zone), TimeZoneInfo.ConvertTime(check.AnsweredAt!.Value, zone)),
        _ => AlertDetail.SpotCheckOutOfPlace(check.DistanceMetres ?? 0, check.AllowedMetres),
    };
}
