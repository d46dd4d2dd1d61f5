using CommandCenter.Geo;
using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Tests.Support;

/// <summary>
/// Generates random, valid fence geometries: concave star-shaped polygons, with holes, and
/// MultiPolygons; jagged (every vertex at its own random distance from the centre, the hardest case
/// for point-in-polygon tests) or smooth (an outline of a few gentle lobes, as fences are drawn).
/// Optionally every vertex lies on a grid of 2⁻¹⁶ degrees, so that a midpoint or quarter point of an
/// edge is exactly representable and exactly on the edge: then any correct point-in-polygon test,
/// robust or not, must agree on it. Shared by the PostGIS oracle test and the benchmark.
/// </summary>
internal sealed class RandomFences(int seed)
{
    /// <summary>The grid spacing in degrees (about 1.7 m of latitude).</summary>
    public const double Grid = 1.0 / 65536;

    private const double MetresPerDegreeLatitude = 110_574;

    public Random Random { get; } = new(seed);

    /// <summary>A random Polygon or MultiPolygon around a centre: 0-2 holes, 1-3 parts.</summary>
    public Geometry Fence(double centreLon, double centreLat, double radiusMetres, int vertices, double holeChance, double multiChance, bool snap, bool smooth = false)
    {
        for (int attempt = 0; ; attempt++)
        {
            int parts = Random.NextDouble() < multiChance ? Random.Next(2, 4) : 1;
            var polygons = new Polygon[parts];
            for (int p = 0; p < parts; p++)
            {
                // Parts sit on a line three radii apart, so they never overlap.
                double lon = centreLon + DegreesEast(centreLat, 3 * radiusMetres * p);
                int holes = Random.NextDouble() < holeChance ? Random.Next(1, 3) : 0;
                polygons[p] = Polygon(lon, centreLat, radiusMetres, Math.Max(3, vertices / parts), holes, snap, smooth);
            }

            Geometry fence = parts == 1 ? polygons[0] : Wgs84.Factory.CreateMultiPolygon(polygons);
            if (fence.IsValid || attempt > 20)
            {
                return fence;
            }
        }
    }

    /// <summary>A concave star-shaped polygon with up to two holes near its centre.</summary>
    public Polygon Polygon(double centreLon, double centreLat, double radiusMetres, int vertices, int holes, bool snap, bool smooth = false)
    {
        var shell = Ring(centreLon, centreLat, radiusMetres, 0.4, vertices, counterClockwise: true, snap, smooth);
        var holeRings = new LinearRing[holes];
        double direction = Random.NextDouble() * 2 * Math.PI;
        for (int h = 0; h < holes; h++)
        {
            // Two holes sit on opposite sides of the centre, each within a disc too small to meet the other or the shell.
            double angle = direction + h * Math.PI;
            double lon = centreLon + DegreesEast(centreLat, 0.15 * radiusMetres * Math.Cos(angle));
            double lat = centreLat + 0.15 * radiusMetres * Math.Sin(angle) / MetresPerDegreeLatitude;
            holeRings[h] = Ring(lon, lat, 0.1 * radiusMetres, 0.5, Math.Max(3, vertices / 8), counterClockwise: false, snap, smooth);
        }

        return Wgs84.Factory.CreatePolygon(shell, holeRings);
    }

    /// <summary>A random point in an envelope, optionally on the grid.</summary>
    public Coordinate PointIn(Envelope envelope, bool snap)
    {
        var point = new Coordinate(
            envelope.MinX + Random.NextDouble() * envelope.Width,
            envelope.MinY + Random.NextDouble() * envelope.Height);
        return snap ? new Coordinate(Snap(point.X), Snap(point.Y)) : point;
    }

    public static double Snap(double degrees) => Math.Round(degrees / Grid) * Grid;

    private static double DegreesEast(double latitude, double metres) =>
        metres / (MetresPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180));

    private LinearRing Ring(double centreLon, double centreLat, double radiusMetres, double minRadiusShare, int vertices, bool counterClockwise, bool snap, bool smooth)
    {
        // Sorted distinct angles around the centre give a simple star-shaped ring; random radii make it concave.
        var angles = Enumerable.Range(0, vertices)
            .Select(i => (i + 0.1 + 0.8 * Random.NextDouble()) * 2 * Math.PI / vertices)
            .ToArray();
        var lobes = Enumerable.Range(2, 4).Select(k => (Frequency: k, Phase: Random.NextDouble() * 2 * Math.PI)).ToArray();
        var coordinates = new List<Coordinate>(vertices + 1);
        foreach (double angle in angles)
        {
            // Smooth: lobes in [-1, 1] mapped into [minRadiusShare, 1], with 1 % of noise.
            double share = smooth
                ? minRadiusShare + (1 - minRadiusShare) * (0.5 + 0.49 * lobes.Average(l => Math.Sin(l.Frequency * angle + l.Phase)) + 0.01 * Random.NextDouble())
                : minRadiusShare + (1 - minRadiusShare) * Random.NextDouble();
            double r = radiusMetres * share;
            double lon = centreLon + DegreesEast(centreLat, r * Math.Cos(angle));
            double lat = centreLat + r * Math.Sin(angle) / MetresPerDegreeLatitude;
            var c = snap ? new Coordinate(Snap(lon), Snap(lat)) : new Coordinate(lon, lat);
            if (coordinates.Count == 0 || !coordinates[^1].Equals2D(c))
            {
                coordinates.Add(c);
            }
        }

        if (!counterClockwise)
        {
            coordinates.Reverse();
        }

        coordinates.Add(coordinates[0].Copy());
        return Wgs84.Factory.CreateLinearRing([.. coordinates]);
    }
}
