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
    double? Longitude);
