using NetTopologySuite.Geometries;

namespace CommandCenter.Cameras;

/// <summary>A CCTV camera of the county network (雪亮工程) or a corrections workplace.</summary>
public class Camera
{
    /// <summary>
    /// The longest code: a camera of a GB/T 28181 platform is coded <c>deviceId_channelId</c>, two codes of
    /// 20 digits, and a site's own codes may add a prefix.
    /// </summary>
    public const int MaxCodeLength = 64;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required Point Location { get; set; }

    /// <summary>HLS playlist of the live stream, when the site's video platform provides one.</summary>
    public string? StreamUrl { get; set; }

    /// <summary>A still image that refreshes, when the video platform provides one.</summary>
    public string? SnapshotUrl { get; set; }

    public bool Online { get; set; } = true;

    /// <summary>When the camera was taken out of service: kept for the history, hidden from the wall and the nearest-camera search.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>PostgreSQL's row version (xmin): an edit made against an older one is refused.</summary>
    public uint Version { get; set; }
}
