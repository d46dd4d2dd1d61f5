namespace CommandCenter.Alerts.Lifecycle;

/// <summary>How urgently the hall must act; ordered from most to least urgent.</summary>
public enum AlertSeverity
{
    /// <summary>Act now: the wall sounds a chime.</summary>
    Critical,
    /// <summary>Act soon.</summary>
    Major,
    /// <summary>Handle in the normal course of the shift.</summary>
    Minor,
    /// <summary>For information; usually a device or signal problem.</summary>
    Warning,
}
