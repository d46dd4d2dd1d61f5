using CommandCenter.Alerts.Lifecycle;
using NetTopologySuite.Geometries;

namespace CommandCenter.AlertLog;

/// <summary>
/// An alert about one subject under one rule (and fence). At most one is open per subject, rule and
/// fence: a partial unique index enforces it, so a repeated violation cannot raise a second one.
/// </summary>
public class Alert
{
    public long Id { get; set; }
    public int SubjectId { get; set; }
    public AlertRule Rule { get; set; }
    public int? FenceId { get; set; }
    public AlertSeverity Severity { get; set; }
    public AlertState State { get; set; }

    /// <summary>The squad that answers for the subject when the alert was raised.</summary>
    public int SquadId { get; set; }

    public int? DispatchedSquadId { get; set; }
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>The fix that raised the alert, when a fix did.</summary>
    public DateTimeOffset? FixTime { get; set; }

    public Point? Location { get; set; }

    /// <summary>The condition has ended (back inside, battery charged); the alert stays open until a person closes it.</summary>
    public bool ConditionCleared { get; set; }

    /// <summary>
    /// The explanation of alerts stored before the rules wrote message keys, as it was written (Chinese);
    /// shown only when <see cref="DetailKey"/> is null.
    /// </summary>
    public string? Detail { get; set; }

    /// <summary>A short explanation for the desk (the battery level, the deadline missed, the permit breached): the message key of <see cref="Alerts.Rules.AlertDetail"/>.</summary>
    public string? DetailKey { get; set; }

    /// <summary>The arguments of <see cref="DetailKey"/>'s message, stored as a JSON array of strings.</summary>
    public string[]? DetailArgs { get; set; }

    /// <summary>When the alert escalated for want of an acknowledgement; null while it has not.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
    public string? Disposition { get; set; }

    public List<AlertEvent> Events { get; set; } = [];
}
