namespace CommandCenter.Live.Log;

/// <summary>
/// One message a screen must not miss, numbered without gaps across every node and every start. Written in
/// the transaction of the change it reports, so it exists exactly when that change does.
/// </summary>
public class LiveLogEntry
{
    public long Seq { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>One of <see cref="LiveLogKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>What changed, as JSON: the alert's id and squad, the fence's id (see <see cref="LiveLogPayload"/>).</summary>
    public string Payload { get; set; } = "{}";
}
