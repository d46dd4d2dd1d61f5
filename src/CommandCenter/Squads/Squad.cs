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

    /// <summary>
    /// When the squad was retired; a retired squad is kept for the history that names it (alerts, records)
    /// but is offered for nothing new: not for dispatch, intake or accounts, and its leaders lose its scope.
    /// </summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>Counts the changes made to the squad; an edit made from an older version is refused (409).</summary>
    public int Version { get; set; } = 1;
}
