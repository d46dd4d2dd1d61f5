namespace CommandCenter.Tests.Architecture;

/// <summary>
/// The directions in which the host's feature folders may depend on each other. <see cref="Allowed"/> is the
/// intended shape and has no cycle; <see cref="Known"/> lists edges that exist today against that shape and
/// are to be removed: an entry goes when its edge goes, and nothing is added to it.
/// </summary>
public static class FolderDirections
{
    /// <summary>Data holds the DbContext that names every feature's entities; Localization holds only the resources.</summary>
    public static readonly IReadOnlyList<string> LeftAside = ["Data", "Localization"];

    /// <summary>
    /// Lowest first; a folder may depend only on folders above it in this list. Site is the host's plumbing
    /// (options, clock, request bounds), Kit the pieces several features share (form fields, field errors,
    /// the JSON body reader), Components the shell (layouts, shared components); Map is the geography every
    /// map screen draws on; DemoView and DemoCounty sit on top and may use any feature.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Site"] = [],
        ["Kit"] = ["Site"],
        ["Security"] = ["Site", "Kit"],
        ["Live"] = ["Site", "Kit", "Security"],
        ["Components"] = ["Site", "Kit", "Security", "Live"],
        ["Squads"] = ["Site", "Kit", "Security", "Components"],
        ["Map"] = ["Site", "Kit", "Security", "Components", "Live"],
        ["Subjects"] = ["Site", "Kit", "Security", "Components", "Live", "Squads", "Map"],
        ["Supervision"] = ["Site", "Kit", "Security", "Components", "Subjects"],
        ["Fences"] = ["Site", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects"],
        ["Cameras"] = ["Site", "Kit", "Security", "Components", "Live", "Map"],
        ["AlertDesk"] = ["Site", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects", "Fences", "Cameras"],
        ["Ingest"] = ["Site", "Kit", "Security", "Live", "Subjects", "Supervision", "Fences", "AlertDesk"],
        ["Kpi"] = ["Site", "Kit", "Security", "Components", "Squads", "Subjects", "AlertDesk"],
        ["Wall"] = ["Site", "Kit", "Security", "Live", "Components", "Squads", "Map", "Subjects", "Cameras", "AlertDesk", "Kpi"],
        ["DemoView"] = ["Site", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects", "Fences", "Cameras", "AlertDesk", "Ingest", "Kpi", "Wall"],
        ["DemoCounty"] = ["Site", "Kit", "Security", "Squads", "Map", "Subjects", "Fences", "Cameras", "AlertDesk", "Ingest", "Kpi"],
    };

    /// <summary>
    /// Against the shape, to be removed. Components' App reads the tile settings for the base map's preload;
    /// Map's endpoints serve the fence and subject layers; Subjects' pages host the supervision panels and
    /// its store checks fences.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Known = new Dictionary<string, string[]>
    {
        ["Components"] = ["Map"],
        ["Map"] = ["Fences", "Ingest", "Subjects"],
        ["Subjects"] = ["Fences", "Supervision"],
    };
}
