using NetTopologySuite.Geometries;

namespace CommandCenter.Map;

/// <summary>A district or county boundary of the offline base map.</summary>
public class AdminArea
{
    /// <summary>The national administrative division code, e.g. 371326.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public AdminAreaRole Role { get; set; }

    /// <summary>WGS-84, converted from the GCJ-02 of the source data.</summary>
    public required MultiPolygon Boundary { get; set; }
}
