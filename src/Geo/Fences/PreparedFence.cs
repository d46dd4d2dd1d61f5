using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CommandCenter.Geo.Fences;

/// <summary>
/// The prepared form of a fence's effective geometry: built once per fence definition and shared by
/// every index snapshot that holds the definition, so that a rebuild costs a tree, not a re-preparation.
/// </summary>
internal sealed class PreparedFence
{
    private readonly Geometry _geometry;
    private IPreparedGeometry? _prepared;

    public PreparedFence(Geometry effectiveGeometry)
    {
        _geometry = effectiveGeometry;
        Envelope = effectiveGeometry.EnvelopeInternal;
        Locator = new SlabPointLocator(effectiveGeometry);
    }

    /// <summary>The point locator of the hot path (fully built: readers never lock or initialise).</summary>
    public SlabPointLocator Locator { get; }

    public Envelope Envelope { get; }

    /// <summary>
    /// NTS's prepared geometry, for predicates on whole geometries (a track, an area). Created on first
    /// use, since points, the common case, never need it, and its indexes are large.
    /// </summary>
    public IPreparedGeometry Prepared
    {
        get
        {
            var prepared = Volatile.Read(ref _prepared);
            if (prepared is null)
            {
                prepared = PreparedGeometryFactory.Prepare(_geometry);
                prepared = Interlocked.CompareExchange(ref _prepared, prepared, null) ?? prepared;
            }

            return prepared;
        }
    }

    /// <summary>Covers semantics: a point on the boundary is inside.</summary>
    public bool Covers(double x, double y) => Locator.Locate(x, y) != Location.Exterior;
}
