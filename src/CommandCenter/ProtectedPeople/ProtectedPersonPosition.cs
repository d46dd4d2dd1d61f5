using NetTopologySuite.Geometries;

namespace CommandCenter.ProtectedPeople;

/// <summary>
/// The newest fix of a protected person's phone: one row per person, kept apart from <c>latest_positions</c> so that
/// no map, track or live frame can ever read it. Only the rules read it, to measure a linked subject's distance.
/// </summary>
public class ProtectedPersonPosition
{
    public int ProtectedPersonId { get; set; }
    public DateTimeOffset FixTime { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required Point Location { get; set; }
    public double? AccuracyMeters { get; set; }
}
