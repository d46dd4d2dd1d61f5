namespace CommandCenter.AlertDesk;

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
    Escalated,
}
