using NetTopologySuite.Geometries;

namespace CommandCenter.Supervision;

/// <summary>
/// An approved leave permit (外出审批): between <see cref="StartsAt"/> and <see cref="EndsAt"/> the subject
/// may leave the county for <see cref="Area"/>; a zone exit is then no violation, but being outside
/// both the county and the destination is.
/// </summary>
public class LeavePermit
{
    public long Id { get; set; }
    public int SubjectId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The destination's name, as on the permit.</summary>
    public required string Destination { get; set; }

    /// <summary>The destination area (Polygon or MultiPolygon, WGS-84).</summary>
    public required Geometry Area { get; set; }

    /// <summary>Metres of tolerance around the destination.</summary>
    public double BufferMeters { get; set; }

    public string? Purpose { get; set; }
    public required string ApprovedBy { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
