using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Rules;

/// <summary>视频点名缺席: raises once for each absence an officer marked at a roll call.</summary>
internal static class RollCallRules
{
    private static readonly RuleKey RollCallMissed = new(AlertRule.RollCallMissed, null);

    /// <summary>
    /// Raises the absences marked after the last one raised (<see cref="SubjectState.RollCallsAlertedUpTo"/>, read
    /// back from the newest alert at start), oldest first, so that neither a restart nor a second look raises the
    /// same absence twice; weighed absences are forgotten. Each absence is raised when it is marked, not at the
    /// roll call's deadline: the officer has seen the person missing, and waiting would only delay the follow-up.
    /// </summary>
    public static void Review(EngineTransaction tx, SubjectState state)
    {
        if (state.RollCallAbsences.Count == 0)
        {
            return;
        }

        var staged = tx.Stage(state.Facts.SubjectId);
        foreach (var absence in state.RollCallAbsences.OrderBy(a => a.MarkedAt))
        {
            if (staged.RollCallsAlertedUpTo is not { } upTo || absence.MarkedAt > upTo)
            {
                staged.RollCallsAlertedUpTo = absence.MarkedAt;
                tx.Raise(staged, RollCallMissed, null, AlertDetail.RollCallAbsent(absence.CameraName, TimeZoneInfo.ConvertTime(absence.Deadline, tx.TimeZone)));
            }
        }

        staged.RollCallAbsences = [];
    }
}
