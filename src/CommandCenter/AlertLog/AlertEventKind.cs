namespace CommandCenter.AlertLog;

/// <summary>A step in an alert's life.</summary>
public enum AlertEventKind
{
    Raised,
    Acknowledged,
    Dispatched,
    OnScene,
    Resolved,
    Dismissed,
    ConditionCleared,

    /// <summary>The condition came back (or its detail changed, e.g. an order's last day) while the alert was still open.</summary>
    ConditionRecurred,
    Escalated,
}
