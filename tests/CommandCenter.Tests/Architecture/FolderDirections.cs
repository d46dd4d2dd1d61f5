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
    /// Lowest first; a folder may depend only on folders above it in this list. Hosting is the host's plumbing
    /// (options, clock, request bounds), Kit the pieces several features share (form fields, field errors,
    /// the JSON body reader), Components the shell (layouts, shared components); Map is the geography every
    /// map screen draws on; DemoView and DemoCounty sit on top and may use any feature.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Hosting"] = [],
        ["Kit"] = ["Hosting"],
        ["Security"] = ["Hosting", "Kit"],
        ["Live"] = ["Hosting", "Kit", "Security"],
        ["Components"] = ["Hosting", "Kit", "Security", "Live"],
        ["Squads"] = ["Hosting", "Kit", "Security", "Components"],
        ["Map"] = ["Hosting", "Kit", "Security", "Components", "Live"],
        ["Subjects"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map"],
        ["Supervision"] = ["Hosting", "Kit", "Security", "Components", "Subjects"],
        ["Fences"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects"],
        ["Cameras"] = ["Hosting", "Kit", "Security", "Components", "Live", "Map"],
        ["AlertDesk"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects", "Fences", "Cameras"],
        ["Ingest"] = ["Hosting", "Kit", "Security", "Live", "Subjects", "Supervision", "Fences", "AlertDesk"],
        ["Kpi"] = ["Hosting", "Kit", "Security", "Components", "Squads", "Subjects", "AlertDesk"],
        ["Wall"] = ["Hosting", "Kit", "Security", "Live", "Components", "Squads", "Map", "Subjects", "Cameras", "AlertDesk", "Kpi"],
        ["Site"] = ["Hosting", "Kit", "Security", "Components"],
        ["DemoView"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects", "Fences", "Cameras", "AlertDesk", "Ingest", "Kpi", "Wall"],
        ["DemoCounty"] = ["Hosting", "Kit", "Security", "Squads", "Map", "Subjects", "Fences", "Cameras", "AlertDesk", "Ingest", "Kpi"],
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
