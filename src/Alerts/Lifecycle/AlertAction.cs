namespace CommandCenter.Alerts.Lifecycle;

/// <summary>What a person does to an alert.</summary>
public enum AlertAction
{
    /// <summary>A duty officer has seen it (确认).</summary>
    Acknowledge,

    /// <summary>A squad is sent (派警); sending another squad later is allowed.</summary>
    Dispatch,

    /// <summary>The squad reports it is on scene (到场).</summary>
    ReportOnScene,

    /// <summary>Closed with a disposition (处置完毕).</summary>
    Resolve,

    /// <summary>Closed as needing no action, with a reason (排除).</summary>
    Dismiss,
}
