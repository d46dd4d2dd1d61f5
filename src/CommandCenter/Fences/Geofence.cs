using CommandCenter.Geo.Fences;
using CommandCenter.Subjects;
using NetTopologySuite.Geometries;

namespace CommandCenter.Fences;

/// <summary>A zone that people under supervision must stay inside or out of.</summary>
public class Geofence
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public FenceKind Kind { get; set; }

    /// <summary>Polygon or MultiPolygon (holes allowed), WGS-84.</summary>
    public required Geometry Area { get; set; }

    /// <summary>Tolerance in metres beyond the edge before a crossing counts, against GPS drift.</summary>
    public double BufferMeters { get; set; }

    public FenceScopeKind Scope { get; set; }
    public int[] ScopeSubjectIds { get; set; } = [];
    public RiskLevel? ScopeRiskLevel { get; set; }
    public int? ScopeSquadId { get; set; }

    /// <summary>Null means always active.</summary>
    public GeofenceSchedule? Schedule { get; set; }

    /// <summary>Raise at the first fix instead of waiting for confirmation (a victim's home).</summary>
    public bool Immediate { get; set; }

    public bool Active { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}
