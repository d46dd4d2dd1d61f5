namespace CommandCenter.Geo.Fences;

/// <summary>Questions about a <see cref="FenceKind"/> that several parts of the engine ask.</summary>
public static class FenceKindExtensions
{
    /// <summary>
    /// Whether the subject must be inside the fence while it is active (inclusion and home fences);
    /// otherwise the subject must be outside (exclusion fences).
    /// </summary>
    public static bool RequiresInside(this FenceKind kind) => kind != FenceKind.Exclusion;
}
