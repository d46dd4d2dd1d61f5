namespace CommandCenter.Alerts.Lifecycle;

/// <summary>Facts about alert states that several layers need to agree on.</summary>
public static class AlertStates
{
    /// <summary>The states in which an alert is closed; every other state is open.</summary>
    public static readonly IReadOnlyList<AlertState> Closed = [AlertState.Resolved, AlertState.Dismissed];

    /// <summary>Whether an alert in this state still needs a person to act on it.</summary>
    public static bool IsOpen(AlertState state) => state is not (AlertState.Resolved or AlertState.Dismissed);
}
