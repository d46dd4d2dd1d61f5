using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;

namespace CommandCenter.AlertLog;

/// <summary>
/// What the desk's queue shows: one squad's alerts (its own area's, or those it was sent to), one severity,
/// one state; with no state chosen, every alert still open. The same test runs in SQL
/// (<see cref="AlertQueries.QueueAsync"/>) for the first load and here for each live message.
/// </summary>
public sealed record QueueFilter(int? SquadId = null, AlertSeverity? Severity = null, AlertState? State = null)
{
    public bool Admits(AlertMessage alert) =>
        (SquadId is not { } squad || alert.SquadId == squad || alert.DispatchedSquadId == squad)
        && (Severity is not { } severity || alert.Severity == severity)
        && (State is { } state ? alert.State == state : AlertStates.IsOpen(alert.State));
}
