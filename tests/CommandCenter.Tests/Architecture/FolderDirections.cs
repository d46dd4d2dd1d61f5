namespace CommandCenter.Tests.Architecture;

/// <summary>
/// The directions in which the host's feature folders may depend on each other: <see cref="Allowed"/> has no cycle,
/// and every dependency between folders must be in it. Where a lower folder needs what a higher one has, the lower
/// one owns a small interface or a slot that the higher one fills (the subject page's panels, content-security
/// origins), or the piece moves to the feature whose data it serves.
/// </summary>
public static class FolderDirections
{
    /// <summary>Data holds the DbContext that names every feature's entities; Localization holds only the resources.</summary>
    public static readonly IReadOnlyList<string> LeftAside = ["Data", "Localization"];

    /// <summary>
    /// Lowest first; a folder may depend only on folders above it in this list. Hosting is the host's plumbing
    /// (options, clock, request bounds), Kit the pieces several features share (form fields, field errors,
    /// the JSON body reader), Components the shell (layouts, shared components); Map is the geography every
    /// map screen draws on; AlertLog is the alert record (entity, steps, API, escalation) that the desk, the wall
    /// and ingest share; DemoView and DemoCounty sit on top and may use any feature.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Hosting"] = [],
        ["Kit"] = ["Hosting"],
        ["Security"] = ["Hosting", "Kit"],
        ["Live"] = ["Hosting", "Kit", "Security"],
        ["Operations"] = ["Hosting", "Kit", "Security"],
        ["Components"] = ["Hosting", "Kit", "Security", "Live"],
        ["Squads"] = ["Hosting", "Kit", "Security", "Components"],
        ["Map"] = ["Hosting", "Kit", "Security", "Components", "Live"],
        ["Subjects"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map"],
        ["Supervision"] = ["Hosting", "Kit", "Security", "Components", "Map", "Subjects"],
        ["SpotChecks"] = ["Hosting", "Kit", "Security", "Components", "Subjects", "Supervision"],
        ["Fences"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects"],
        ["Cameras"] = ["Hosting", "Kit", "Security", "Components", "Live", "Map"],
        ["RollCalls"] = ["Hosting", "Kit", "Security", "Components", "Live", "Map", "Subjects", "Supervision", "Cameras"],
        ["AlertLog"] = ["Hosting", "Kit", "Security", "Live", "Squads", "Map", "Subjects", "Fences"],
        ["FieldMessages"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects", "Fences", "AlertLog"],
        ["AlertDesk"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects", "Fences", "Cameras", "AlertLog", "FieldMessages"],
        ["Ingest"] = ["Hosting", "Kit", "Security", "Live", "Subjects", "Supervision", "Fences", "AlertLog"],
        ["Devices"] = ["Hosting", "Kit", "Security", "Components", "Live", "Subjects", "Ingest"],
        ["Phone"] = ["Hosting", "Kit", "Security", "Subjects", "Supervision", "SpotChecks", "Ingest", "RollCalls"],
        ["ProtectedPeople"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Subjects", "Supervision", "AlertLog", "Ingest", "Devices"],
        ["Kpi"] = ["Hosting", "Kit", "Security", "Components", "Squads", "Subjects", "AlertLog"],
        ["Reports"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects", "Supervision", "Fences", "AlertLog", "Kpi"],
        ["Wall"] = ["Hosting", "Kit", "Security", "Live", "Components", "Squads", "Map", "Subjects", "Cameras", "AlertLog", "Kpi"],
        ["Site"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects", "Supervision", "Fences", "Cameras", "AlertLog", "Ingest", "Kpi"],
        ["DemoView"] = ["Hosting", "Kit", "Security", "Components", "Live", "Squads", "Map", "Subjects", "Fences", "Cameras", "AlertLog", "AlertDesk", "Ingest", "Kpi", "Wall"],
        ["DemoCounty"] = ["Hosting", "Kit", "Security", "Squads", "Map", "Subjects", "Supervision", "Fences", "Cameras", "AlertLog", "Ingest", "Kpi", "Site"],
    };
}
