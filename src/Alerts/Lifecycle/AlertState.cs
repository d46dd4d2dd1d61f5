namespace CommandCenter.Alerts.Lifecycle;

/// <summary>Where an alert stands in its lifecycle: Raised → Acknowledged → Dispatched → OnScene → Resolved, or Dismissed.</summary>
public enum AlertState
{
    /// <summary>Raised by a rule, nobody has looked at it yet.</summary>
    Raised,
    /// <summary>A duty officer has seen it.</summary>
    Acknowledged,
    /// <summary>A squad has been sent.</summary>
    Dispatched,
    /// <summary>The squad reports it is on scene.</summary>
    OnScene,
    /// <summary>Closed with a disposition.</summary>
    Resolved,
    /// <summary>Closed as needing no action, with a reason.</summary>
    Dismissed,
}
