using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Distance;

namespace CommandCenter.Alerts.Rules;

/// <summary>
/// Distances in metres from a position to the boundary of an area, for weighing a fix's accuracy against
/// a fence. Longitude is scaled by the cosine of the area's latitude once per area (an equirectangular
/// approximation, within a fraction of a percent over the few kilometres that matter here), and the
/// scaled boundary is indexed, so a county outline of thousands of vertices answers quickly.
/// </summary>
internal static class FenceDistance
{
    private const double MetresPerDegree = 111_195;
    private static readonly ConditionalWeakTable<Geometry, ScaledBoundary> Boundaries = new();

    public static double ToBoundaryMetres(Geometry area, double longitude, double latitude) =>
        Boundaries.GetValue(area, a => new ScaledBoundary(a)).Metres(longitude, latitude);

    private sealed class ScaledBoundary
    {
        private readonly double _scale;
        private readonly IndexedFacetDistance _distance;
        private readonly GeometryFactory _factory;

        public ScaledBoundary(Geometry area)
        {
            _scale = Math.Cos(area.EnvelopeInternal.Centre.Y * Math.PI / 180);
            var scaled = new AffineTransformation().Scale(_scale, 1).Transform(area.Boundary);
            _factory = area.Factory;
            _distance = new IndexedFacetDistance(scaled);
        }

        public double Metres(double longitude, double latitude) =>
            _distance.Distance(_factory.CreatePoint(new Coordinate(longitude * _scale, latitude))) * MetresPerDegree;
    }
}
