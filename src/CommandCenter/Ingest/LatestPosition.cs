using NetTopologySuite.Geometries;

namespace CommandCenter.Ingest;

/// <summary>The newest fix of each subject: what the map paints first.</summary>
public class LatestPosition
{
    public int SubjectId { get; set; }
    public int DeviceId { get; set; }
    public DateTimeOffset FixTime { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required Point Location { get; set; }
    public double? AccuracyMeters { get; set; }
    public int? BatteryPercent { get; set; }
}
