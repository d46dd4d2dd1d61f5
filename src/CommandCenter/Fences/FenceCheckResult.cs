namespace CommandCenter.Fences;

/// <summary>A fence ready to store with the repairs made to its area, or the problems by field.</summary>
public sealed record FenceCheckResult(Geofence? Fence, IReadOnlyList<string> Repairs, Dictionary<string, string[]> Errors)
{
    public static FenceCheckResult Valid(Geofence fence, IReadOnlyList<string> repairs) => new(fence, repairs, []);

    public static FenceCheckResult Invalid(Dictionary<string, string[]> errors) => new(null, [], errors);
}
