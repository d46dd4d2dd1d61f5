using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Cameras;

public class CameraOptions
{
    public const string Section = "Cameras";

    /// <summary>
    /// The video platform's origins (e.g. http://10.1.2.3:8080) that snapshots and HLS streams come from;
    /// the content security policy lets the pages load media from these and nowhere else.
    /// </summary>
    public List<string> MediaOrigins { get; set; } = [];

    /// <summary>How often a camera tile fetches a new snapshot.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan SnapshotRefresh { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often every camera's stream and snapshot links are fetched to tell whether the camera is live: a
    /// camera's state on the screens is this measurement, never a flag somebody set.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one probe waits for the video platform before it counts the link as dead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:00:30")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How far from an alert the wall looks for cameras.</summary>
    [Range(100, 50_000)]
    public double WallSearchMeters { get; set; } = 20_000;
}
