namespace CommandCenter.Fences;

/// <summary>What a GeoJSON import stored (and the repairs made), or, when it stored nothing, every problem by feature and place.</summary>
public sealed record FenceImportOutcome(int Added, int Updated, IReadOnlyList<string> Repairs, Dictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static FenceImportOutcome Imported(int added, int updated, IReadOnlyList<string> repairs) => new(added, updated, repairs, []);

    public static FenceImportOutcome Refused(Dictionary<string, string[]> errors) => new(0, 0, [], errors);
}
