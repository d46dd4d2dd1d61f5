using System.Diagnostics.Metrics;
using CommandCenter.Live;

namespace CommandCenter.Benchmarks.Wall;

/// <summary>
/// Listens to the app's live metrics (it runs in this process) for the time each frame of the whole crowd took
/// to pack and hand to the hub; frames of a few stragglers are passed over.
/// </summary>
internal sealed class ServerFrames : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly Lock gate = new();
    private List<double> heard = [];

    public ServerFrames(int crowd)
    {
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == LiveMetrics.MeterName && instrument.Name == LiveMetrics.FrameDuration)
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, ms, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "positions" && tag.Value is int positions && positions >= crowd)
                {
                    lock (gate)
                    {
                        heard.Add(ms);
                    }
                }
            }
        });
        listener.Start();
    }

    /// <summary>The frame times heard since the last call.</summary>
    public List<double> Take()
    {
        lock (gate)
        {
            var taken = heard;
            heard = [];
            return taken;
        }
    }

    public void Dispose() => listener.Dispose();
}
