namespace CommandCenter.Alerts.Rules;

/// <summary>What the engine asks storage to do with an alert.</summary>
public enum AlertDecisionKind
{
    /// <summary>Raise an alert, or, when one is already open for the key, mark its condition active again.</summary>
    Raise,

    /// <summary>The condition has ended: mark the open alert "condition cleared" and leave it open for a person to close.</summary>
    ClearCondition,
}
