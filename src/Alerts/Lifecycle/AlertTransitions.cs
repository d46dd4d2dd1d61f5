using System.Diagnostics.CodeAnalysis;

namespace CommandCenter.Alerts.Lifecycle;

/// <summary>
/// The lifecycle's allowed steps: Raised → Acknowledged → Dispatched → OnScene → Resolved, or Dismissed
/// from any open state. An alert is acknowledged before anything else is done with it, so the desk's
/// time-to-acknowledge means what it says; it may be resolved without a squad (a device fault is settled
/// from the desk) and a dispatched alert may be sent to another squad.
/// </summary>
public static class AlertTransitions
{
    /// <summary>The state an action leads to from a state, or why it may not be taken.</summary>
    /// <param name="from">The alert's current state.</param>
    /// <param name="action">What the person wants to do.</param>
    /// <param name="to">The new state, when allowed.</param>
    /// <param name="refusal">Why not, in words for the person, when refused.</param>
    /// <returns>Whether the step is allowed.</returns>
    public static bool TryApply(AlertState from, AlertAction action, out AlertState to, [NotNullWhen(false)] out string? refusal)
    {
        to = from;
        refusal = null;
        if (!AlertStates.IsOpen(from))
        {
            refusal = $"The alert is already closed ({from}); nothing more can be done with it.";
            return false;
        }

        AlertState? next = (action, from) switch
        {
            (AlertAction.Acknowledge, AlertState.Raised) => AlertState.Acknowledged,
            (AlertAction.Dispatch, AlertState.Acknowledged or AlertState.Dispatched) => AlertState.Dispatched,
            (AlertAction.ReportOnScene, AlertState.Dispatched) => AlertState.OnScene,
            (AlertAction.Resolve, AlertState.Acknowledged or AlertState.Dispatched or AlertState.OnScene) => AlertState.Resolved,
            (AlertAction.Dismiss, _) => AlertState.Dismissed,
            _ => null,
        };

        if (next is null)
        {
            refusal = (action, from) switch
            {
                (AlertAction.Acknowledge, _) => $"The alert was already acknowledged (it is {from}).",
                (_, AlertState.Raised) => "Acknowledge the alert first.",
                (AlertAction.ReportOnScene, _) => $"Only a dispatched alert can be reported on scene; this one is {from}.",
                _ => $"An alert that is {from} cannot be {Past(action)}.",
            };
            return false;
        }

        to = next.Value;
        return true;
    }

    /// <summary>The actions allowed in a state, for the desk's buttons.</summary>
    public static IReadOnlyList<AlertAction> AllowedIn(AlertState state) =>
        [.. Enum.GetValues<AlertAction>().Where(a => TryApply(state, a, out _, out _))];

    private static string Past(AlertAction action) => action switch
    {
        AlertAction.Dispatch => "dispatched",
        AlertAction.ReportOnScene => "reported on scene",
        AlertAction.Resolve => "resolved",
        AlertAction.Dismiss => "dismissed",
        _ => "acknowledged",
    };
}
