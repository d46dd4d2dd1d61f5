using NetTopologySuite.Geometries;

namespace CommandCenter.Ingest;

/// <summary>One stored fix. The table is partitioned by day; (device, fix time) is unique so a resent fix is stored once.</summary>
public class Position
{
    public int DeviceId { get; set; }
    public int SubjectId { get; set; }
    public DateTimeOffset FixTime { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required Point Location { get; set; }
    public double? AccuracyMeters { get; set; }
    public double? SpeedKmh { get; set; }
    public double? Heading { get; set; }
    public int? BatteryPercent { get; set; }
}
