namespace CommandCenter.Subjects;

/// <summary>What reports a subject's position.</summary>
public enum DeviceKind
{
    /// <summary>An ankle or wrist tag to the Ministry's standard.</summary>
    Bracelet,
    /// <summary>The subject's phone running the 在矫通 app.</summary>
    Phone,
    /// <summary>The subject's phone running Traccar Client, reporting through the OsmAnd protocol.</summary>
    TraccarClient,
}
