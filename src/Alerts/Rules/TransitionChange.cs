namespace CommandCenter.Alerts.Rules;

/// <summary>How a pending zone transition moved.</summary>
public enum TransitionChange
{
    /// <summary>A fix beyond a fence started a transition that is not yet confirmed.</summary>
    Started,

    /// <summary>Enough fixes or time beyond the fence confirmed it: an alert is raised.</summary>
    Confirmed,

    /// <summary>The subject came back before confirmation: drift, not a crossing.</summary>
    Cancelled,
}
