using CommandCenter.Geo.Fences;

namespace CommandCenter.Geo.GeoJson;

/// <summary>
/// The outcome of reading fences from GeoJSON. An import is all or nothing: when any error is found,
/// <see cref="Fences"/> is empty and <see cref="Errors"/> lists every problem with where it is, so the
/// user can fix the file in one pass.
/// </summary>
/// <param name="Fences">The fences read (ids from the file, 0 where it had none).</param>
/// <param name="Repairs">Unambiguous repairs that were made (unclosed ring, repeated point, orientation, spike).</param>
/// <param name="Errors">Problems that refuse the import.</param>
public sealed record FenceImportResult(
    IReadOnlyList<FenceDefinition> Fences,
    IReadOnlyList<GeoJsonIssue> Repairs,
    IReadOnlyList<GeoJsonIssue> Errors)
{
    /// <summary>Whether the import was accepted.</summary>
    public bool Succeeded => Errors.Count == 0;
}
