using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Rules;

/// <summary>视频点名缺席: raises once for each absence an officer marked at a roll call.</summary>
internal static class RollCallRules
{
    private static readonly RuleKey RollCallMissed = new(AlertRule.RollCallMissed, null);

    /// <summary>
    /// Raises the absences marked after the last one raised (<see cref="SubjectState.RollCallsAlertedUpTo"/>, kept as
    /// <see cref="NewestRaised"/> says), oldest first; weighed absences are forgotten. Each absence is raised when it
    /// is marked, not at the roll call's deadline: the officer has seen the person missing, and waiting would only delay the follow-up.
    /// </summary>
    public static void Review(EngineTransaction tx, SubjectState state)
    {
        if (state.RollCallAbsences.Count == 0)
        {
            return;
        }

        var staged = tx.Stage(state.Facts.SubjectId);
        staged.RollCallsAlertedUpTo = NewestRaised.RaiseAfter(staged.RollCallsAlertedUpTo, state.RollCallAbsences, a => a.MarkedAt,
            absence => tx.Raise(staged, RollCallMissed, null, AlertDetail.RollCallAbsent(absence.CameraName, TimeZoneInfo.ConvertTime(absence.Deadline, tx.TimeZone))));
        staged.RollCallAbsences = [];
    }
}
