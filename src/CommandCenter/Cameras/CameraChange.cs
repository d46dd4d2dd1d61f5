namespace CommandCenter.Cameras;

/// <summary>The result of retiring or deleting a camera; for a refused deletion, what refers to it (table and column, rows).</summary>
public sealed record CameraChange(CameraChangeKind Kind, IReadOnlyDictionary<string, long>? References = null)
{
    public static readonly CameraChange Done = new(CameraChangeKind.Done);

    public static readonly CameraChange NotFound = new(CameraChangeKind.NotFound);

    public static readonly CameraChange Stale = new(CameraChangeKind.Stale);
}
