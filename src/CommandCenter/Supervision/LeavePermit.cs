using NetTopologySuite.Geometries;

namespace CommandCenter.Supervision;

/// <summary>
/// A leave permit (外出审批): requested for a period and a destination, then approved or refused by someone
/// with the authority for its length. Only while an approved one is in force may the subject leave the
/// county for <see cref="Area"/>; a zone exit is then no violation, but being outside both the county and
/// the destination is.
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

    /// <summary>The account that asked for the permit on the subject's behalf; null when the subject's own device asked.</summary>
    public string? RequestedBy { get; set; }

    /// <summary>The subject's device that asked for the permit (the subject's phone app); null when an officer asked.</summary>
    public int? RequestedByDeviceId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Asked for with less notice than the rules want, for the reason in <see cref="UrgentReason"/>.</summary>
    public bool Urgent { get; set; }

    public string? UrgentReason { get; set; }

    /// <summary>Who approved the permit; null while it waits or when it was refused.</summary>
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    public string? RefusedBy { get; set; }
    public DateTimeOffset? RefusedAt { get; set; }

    /// <summary>Why it was approved (optional) or refused (required), as the decider wrote it.</summary>
    public string? DecisionReason { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>Whether a decision is still to be made.</summary>
    public bool AwaitsDecision => ApprovedAt is null && RefusedAt is null;
}
