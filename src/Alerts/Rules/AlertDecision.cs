using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Rules;

/// <summary>A change the rules decided on, to be stored in the same transaction as the fixes that caused it.</summary>
/// <param name="Kind">Raise or clear.</param>
/// <param name="Key">The subject, rule and fence.</param>
/// <param name="Severity">The severity the rule raises at.</param>
/// <param name="At">When the engine decided (server time).</param>
public sealed record AlertDecision(AlertDecisionKind Kind, AlertKey Key, AlertSeverity Severity, DateTimeOffset At)
{
    /// <summary>The squad that answers for the subject.</summary>
    public int SquadId { get; init; }

    /// <summary>The index, in the evaluated batch, of the fix that caused the decision; -1 for a timer decision.</summary>
    public int FixIndex { get; init; } = -1;

    /// <summary>The time of the fix the decision rests on, if any.</summary>
    public DateTimeOffset? FixTime { get; init; }

    /// <summary>Where the subject was, if known.</summary>
    public double? Longitude { get; init; }

    /// <summary>Where the subject was, if known.</summary>
    public double? Latitude { get; init; }

    /// <summary>A short explanation for the desk (the battery level, the deadline missed, the permit breached), as a message key and its arguments.</summary>
    public AlertDetail? Detail { get; init; }
}
