namespace CommandCenter.Alerts.Tracking;

/// <summary>What kind of device reports a subject's position; the offline threshold depends on it.</summary>
public enum TrackerKind
{
    /// <summary>An ankle or wrist tag: reports often, so a short silence already means something.</summary>
    Bracelet,

    /// <summary>The subject's phone: reports less often and loses signal more, so it is given longer.</summary>
    Phone,
}
