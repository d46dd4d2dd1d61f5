using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;

namespace CommandCenter.Live;

/// <summary>
/// A zone crossing seen but not yet confirmed (Started), confirmed into an alert (Confirmed) or called
/// off (Cancelled): the wall marks the subject while it is pending. Coordinates only while the
/// subject's positioning order is in force.
/// </summary>
public record TransitionMessage(
    long Sequence,
    int SubjectId,
    string SubjectCode,
    int SquadId,
    AlertRule Rule,
    int? FenceId,
    string? FenceName,
    TransitionChange Change,
    DateTimeOffset Since,
    int FixesBeyond,
    double? Latitude,
    double? Longitude);
