using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CommandCenter.DemoCounty;

/// <summary>Random points for the synthetic demo data.</summary>
public static class RandomPoint
{
    public static Coordinate Inside(Geometry area, Random random)
    {
        var prepared = PreparedGeometryFactory.Prepare(area);
        var envelope = area.EnvelopeInternal;
        while (true)
        {
            var candidate = new Coordinate(
                envelope.MinX + random.NextDouble() * envelope.Width,
                envelope.MinY + random.NextDouble() * envelope.Height);
            if (prepared.Covers(area.Factory.CreatePoint(candidate)))
            {
                return candidate;
            }
        }
    }

    /// <summary>A point scattered around a centre with a normal spread of <paramref name="sigmaMetres"/>.</summary>
    public static Coordinate Near(Coordinate centre, double sigmaMetres, Random random) =>
        LocalMetres.Offset(centre, Gaussian(random) * sigmaMetres, Gaussian(random) * sigmaMetres);

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
