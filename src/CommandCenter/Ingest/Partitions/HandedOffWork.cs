namespace CommandCenter.Ingest.Partitions;

/// <summary>
/// What a node accepted for a subject whose partition another node owns, waiting for that owner to judge it: a fix
/// (the device and the fix's fields), or, with no device, word that the subject's check-ins, permits or spot checks
/// changed. The node that accepts writes it in the transaction that stores the fix; the owner deletes it in the
/// transaction that stores its decisions, so across any crash it is judged exactly once.
/// </summary>
public class HandedOffWork
{
    public long Id { get; set; }
    public int Partition { get; set; }
    public int SubjectId { get; set; }
    public int? DeviceId { get; set; }
    public DateTimeOffset? FixTime { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    public double? AccuracyMeters { get; set; }
    public double? SpeedKmh { get; set; }
    public double? Heading { get; set; }
    public int? BatteryPercent { get; set; }
    public bool? Charging { get; set; }
    public string? Event { get; set; }
}
