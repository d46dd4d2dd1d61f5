using NetTopologySuite.Geometries;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Small offsets in metres around a point, on a local flat approximation of the earth. Good to a few
/// metres over the few kilometres the demo needs; fences themselves are buffered by the geo engine.
/// </summary>
public static class LocalMetres
{
    private const double MetresPerDegreeLatitude = 111_320;

    public static Coordinate Offset(Coordinate origin, double eastMetres, double northMetres)
    {
        var metresPerDegreeLongitude = MetresPerDegreeLatitude * Math.Cos(origin.Y * Math.PI / 180);
        return new Coordinate(origin.X + eastMetres / metresPerDegreeLongitude, origin.Y + northMetres / MetresPerDegreeLatitude);
    }

    public static double Distance(Coordinate a, Coordinate b)
    {
        var metresPerDegreeLongitude = MetresPerDegreeLatitude * Math.Cos((a.Y + b.Y) / 2 * Math.PI / 180);
        var dx = (b.X - a.X) * metresPerDegreeLongitude;
        var dy = (b.Y - a.Y) * MetresPerDegreeLatitude;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    public static Polygon Circle(GeometryFactory factory, Coordinate centre, double radiusMetres, int segments = 48)
    {
        var ring = new Coordinate[segments + 1];
        for (var i = 0; i < segments; i++)
        {
            var angle = 2 * Math.PI * i / segments;
            ring[i] = Offset(centre, radiusMetres * Math.Cos(angle), radiusMetres * Math.Sin(angle));
        }

        ring[segments] = ring[0].Copy();
        return factory.CreatePolygon(ring);
    }
}
