using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Reports;

/// <summary>
/// One alert as the register and the duty report list it: what, whose, and each step of its handling with
/// who took it and when. The subject is named by case number only, as on every screen.
/// </summary>
public sealed record AlertRow(
    long Id,
    DateTimeOffset RaisedAt,
    AlertRule Rule,
    AlertSeverity Severity,
    AlertState State,
    int SquadId,
    string SquadName,
    string SubjectCode)
{
    /// <summary>When a person first acknowledged or dismissed it (see <see cref="HandlingStandard"/>).</summary>
    public AlertStepTaken? Answered { get; init; }

    public AlertStepTaken? Acknowledged { get; init; }

    /// <summary>The first dispatch (a later one sends another squad; the first is what the timing measures).</summary>
    public AlertStepTaken? Dispatched { get; init; }

    public AlertStepTaken? OnScene { get; init; }

    /// <summary>Resolved or dismissed: the step that closed it.</summary>
    public AlertStepTaken? Closed { get; init; }

    public string? Disposition { get; init; }

    public DateTimeOffset? EscalatedAt { get; init; }

    public HandlingVerdict Handling { get; init; }

    /// <summary>Minutes from raised to the first answer.</summary>
    public double? MinutesToAcknowledge => Minutes(Answered);

    public double? MinutesToDispatch => Minutes(Dispatched);

    public double? MinutesToClose => Minutes(Closed);

    private double? Minutes(AlertStepTaken? step) => step is null ? null : Math.Round((step.At - RaisedAt).TotalMinutes, 1);
}
