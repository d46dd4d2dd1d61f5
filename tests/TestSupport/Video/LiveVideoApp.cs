using CommandCenter.TestSupport.Hosting;
using Xunit;

namespace CommandCenter.TestSupport.Video;

/// <summary>
/// The small demo county beside a loopback camera platform (<see cref="TestStreams"/>), with cameras probed every
/// second and snapshots refreshed every two, so a test sees a stream come and go within a few seconds.
/// </summary>
public class LiveVideoApp : SmallCountyApp, IAsyncLifetime
{
    public TestStreams Streams { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Cameras:ProbeInterval"] = "00:00:01",
        ["Cameras:ProbeTimeout"] = "00:00:02",
        ["Cameras:SnapshotRefresh"] = "00:00:02",
        ["Cameras:MediaOrigins:0"] = Streams.Origin,
    };

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Streams.Dispose();
    }
}
