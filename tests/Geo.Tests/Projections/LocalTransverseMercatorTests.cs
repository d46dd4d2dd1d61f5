using CommandCenter.Geo.Projections;

namespace CommandCenter.Geo.Tests.Projections;

public class LocalTransverseMercatorTests
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private static readonly double E2 = F * (2 - F);

    [Fact]
    public void TheOriginProjectsToZero()
    {
        var projection = new LocalTransverseMercator(117.6, 35.5);

        var (x, y) = projection.Forward(117.6, 35.5);

        Assert.Equal(0, x, 1e-6);
        Assert.Equal(0, y, 1e-6);
    }

    [Fact]
    public void PositionsWithinAHundredKilometresSurviveTheRoundTripToANanodegree()
    {
        var projection = new LocalTransverseMercator(117.6, 35.5);

        for (double dLon = -1; dLon <= 1; dLon += 0.25)
        {
            for (double dLat = -1; dLat <= 1; dLat += 0.25)
            {
                var (x, y) = projection.Forward(117.6 + dLon, 35.5 + dLat);
                var (lon, lat) = projection.Inverse(x, y);
                Assert.Equal(117.6 + dLon, lon, 1e-9);
                Assert.Equal(35.5 + dLat, lat, 1e-9);
            }
        }
    }

    [Fact]
    public void NorthingAlongTheCentralMeridianEqualsTheMeridianArcOfTheEllipsoid()
    {
        var projection = new LocalTransverseMercator(118, 35);

        var (_, y) = projection.Forward(118, 36);

        Assert.Equal(MeridianArc(35, 36), y, 0.001);
    }

    [Fact]
    public void EastingNearTheOriginEqualsTheParallelArcOfTheEllipsoid()
    {
        var projection = new LocalTransverseMercator(118, 35);
        double phi = 35 * Math.PI / 180;
        double primeVertical = A / Math.Sqrt(1 - E2 * Math.Sin(phi) * Math.Sin(phi));

        var (x, _) = projection.Forward(118.001, 35);

        Assert.Equal(primeVertical * Math.Cos(phi) * (0.001 * Math.PI / 180), x, 0.001);
    }

    // Simpson's rule on the meridian radius of curvature: an independent check of the series.
    private static double MeridianArc(double fromDegrees, double toDegrees)
    {
        const int steps = 1000;
        double a = fromDegrees * Math.PI / 180;
        double b = toDegrees * Math.PI / 180;
        double h = (b - a) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++)
        {
            double weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * MeridianRadius(a + i * h);
        }

        return sum * h / 3;

        static double MeridianRadius(double phi) => A * (1 - E2) / Math.Pow(1 - E2 * Math.Sin(phi) * Math.Sin(phi), 1.5);
    }
}
