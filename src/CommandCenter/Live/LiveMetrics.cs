using System.Diagnostics.Metrics;

namespace CommandCenter.Live;

/// <summary>
/// What the operators watch of the live stream: the walls and desks connected to the hub now, and the messages
/// sent to them. A message sent to a group counts once, however many screens are in it.
/// </summary>
public sealed class LiveMetrics
{
    public const string MeterName = "CommandCenter.Live";

    /// <summary>The histogram of how long a positions frame took to build and send, tagged with its positions.</summary>
    public const string FrameDuration = "commandcenter.hub.frame.duration";

    private readonly UpDownCounter<long> connections;
    private readonly Counter<long> messages;
    private readonly Histogram<double> frames;

    public LiveMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        connections = meter.CreateUpDownCounter<long>("commandcenter.hub.connections", "{connection}", "Connections to the wall hub now.");
        messages = meter.CreateCounter<long>("commandcenter.hub.messages.sent", "{message}", "Messages the hub sent, by client method.");
        frames = meter.CreateHistogram<double>(FrameDuration, "ms", "Time to pack one positions frame and hand it to the hub's groups.");
    }

    public void Connected() => connections.Add(1);

    public void Disconnected() => connections.Add(-1);

    public void Sent(string message) => messages.Add(1, new KeyValuePair<string, object?>("message", message));

    public void FrameSent(TimeSpan took, int positions) => frames.Record(took.TotalMilliseconds, new KeyValuePair<string, object?>("positions", positions));
}
