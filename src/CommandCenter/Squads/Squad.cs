using NetTopologySuite.Geometries;

namespace CommandCenter.Squads;

/// <summary>One of the brigade's five field squads (中队), each also a party group (党小组).</summary>
public class Squad
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string LeaderName { get; set; }
    public required string DutyPhone { get; set; }

    /// <summary>Where the squad's office and vehicle are; distance from here ranks squads for dispatch.</summary>
    public required Point Base { get; set; }

    /// <summary>The area the squad answers for; drawn across township lines by adjacency and transport.</summary>
    public required MultiPolygon Jurisdiction { get; set; }
}
