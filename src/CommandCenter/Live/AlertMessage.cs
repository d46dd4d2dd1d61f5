using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Live;

/// <summary>An alert as the wall and the desk see it. Carries the case number, never the name.</summary>
public record AlertMessage(
    long Sequence,
    long AlertId,
    int SubjectId,
    string SubjectCode,
    AlertRule Rule,
    AlertSeverity Severity,
    AlertState State,
    int? FenceId,
    string? FenceName,
    int SquadId,
    string SquadName,
    DateTimeOffset RaisedAt,
    double? Latitude,
    double? Longitude)
{
    /// <summary>
    /// A short explanation (the battery level, the deadline missed, the permit breached) in the reader's
    /// language where an API renders it; on the live stream, only an alert stored before the rules wrote
    /// message keys has it, as it was written.
    /// </summary>
    public string? Detail { get; init; }

    /// <summary>The explanation's message key (see <see cref="Alerts.Rules.AlertDetail"/>), for the screen to render.</summary>
    public string? DetailKey { get; init; }

    /// <summary>The arguments of <see cref="DetailKey"/>'s message.</summary>
    public IReadOnlyList<string>? DetailArgs { get; init; }

    /// <summary>The condition has ended; the alert stays open until a person closes it.</summary>
    public bool ConditionCleared { get; init; }

    /// <summary>When nobody acknowledged it in time; null while it has not escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>The squad sent, once dispatched.</summary>
    public int? DispatchedSquadId { get; init; }

    /// <summary>How it was closed, once resolved (训诫, 警告 ...).</summary>
    public string? Disposition { get; init; }
}
