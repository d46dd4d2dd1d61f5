using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CommandCenter.Geo.Fences;

/// <summary>
/// The prepared form of a fence's effective geometry: built once per fence definition and shared by
/// every index snapshot that holds the definition, so that a rebuild costs a tree, not a re-preparation.
/// </summary>
internal sealed class PreparedFence
{
    public PreparedFence(Geometry effectiveGeometry)
    {
        Prepared = PreparedGeometryFactory.Prepare(effectiveGeometry);
        Envelope = effectiveGeometry.EnvelopeInternal;

        // The prepared polygon builds its point locator lazily under a lock; asking for it here means
        // readers only ever see the finished locator and never take that lock.
        Locator = Prepared is PreparedPolygon polygon
            ? polygon.PointLocator
            : new IndexedPointInAreaLocator(effectiveGeometry);
    }

    public IPreparedGeometry Prepared { get; }

    public IPointOnGeometryLocator Locator { get; }

    public Envelope Envelope { get; }

    /// <summary>Covers semantics: a point on the boundary is inside.</summary>
    public bool Covers(Coordinate point) =>
        Envelope.Covers(point) && Locator.Locate(point) != Location.Exterior;
}
