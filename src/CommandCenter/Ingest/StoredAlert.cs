using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Ingest;

/// <summary>An alert row as a write left it: raised now, or changed (its condition came back or ended).</summary>
public record StoredAlert(
    long Id,
    int SubjectId,
    AlertRule Rule,
    int? FenceId,
    AlertState State,
    AlertSeverity Severity,
    int SquadId,
    DateTimeOffset RaisedAt,
    string? Detail,
    Alerts.Rules.AlertDetail? DetailMessage,
    bool ConditionCleared,
    double? Latitude,
    double? Longitude,
    int? DispatchedSquadId,
    DateTimeOffset? EscalatedAt,
    bool Inserted);
