using CommandCenter.AlertLog;

namespace CommandCenter.Reports;

/// <summary>
/// "Handled within the set times" (处置规范), the one definition that the duty report, the alert register and
/// the KPI panel 处置规范率 share. The set times are the escalation waits the site has set per severity
/// (<see cref="AlertOptions.EscalateAfter"/>, on /site/settings): the time an alert may stay unanswered before
/// the commander is told. An alert is handled in time when a person first answered it, by acknowledging it
/// (the desk's 确认) or by dismissing it outright, no later than its severity's wait after it was raised.
/// Steps the system takes (escalation, a condition clearing) are no answer. An alert still unanswered is late
/// once its wait has run out, and not judged at all before then, so a share computed in the middle of a shift
/// does not count alerts nobody could yet have been late for. The waits are those set when the figure is
/// computed: a site that shortens them judges its past by the new standard, which is what it asked for.
/// </summary>
public static class HandlingStandard
{
    /// <summary>The alert events that are a person's first answer to an alert (the lifecycle allows no other first step).</summary>
    public static readonly IReadOnlyList<AlertEventKind> Answers = [AlertEventKind.Acknowledged, AlertEventKind.Dismissed];

    /// <summary>The actor the rules write on the steps they take themselves.</summary>
    public const string SystemActor = "system";

    /// <summary>Judges one alert.</summary>
    /// <param name="raisedAt">When the alert was raised.</param>
    /// <param name="firstAnswer">When a person first acknowledged or dismissed it; null while nobody has.</param>
    /// <param name="wait">The escalation wait of its severity.</param>
    /// <param name="now">The instant the judgement is made.</param>
    public static HandlingVerdict Judge(DateTimeOffset raisedAt, DateTimeOffset? firstAnswer, TimeSpan wait, DateTimeOffset now)
    {
        var due = raisedAt + wait;
        if (firstAnswer is { } answered)
        {
            return answered <= due ? HandlingVerdict.InTime : HandlingVerdict.Late;
        }

        return now > due ? HandlingVerdict.Late : HandlingVerdict.NotYetDue;
    }

    /// <summary>The share in time among the alerts judged, as a percentage with one decimal; null when none was judged.</summary>
    public static double? Share(IEnumerable<HandlingVerdict> verdicts)
    {
        var judged = verdicts.Where(v => v != HandlingVerdict.NotYetDue).ToList();
        return judged.Count == 0 ? null : Math.Round(100.0 * judged.Count(v => v == HandlingVerdict.InTime) / judged.Count, 1);
    }
}
