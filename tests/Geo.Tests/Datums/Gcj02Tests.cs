using CommandCenter.Geo.Datums;
using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Tests.Datums;

public class Gcj02Tests
{
    private static double MetresBetween(Coordinate a, Coordinate b)
    {
        var north = (b.Y - a.Y) * 111_320;
        var east = (b.X - a.X) * 111_320 * Math.Cos(a.Y * Math.PI / 180);
        return Math.Sqrt(north * north + east * east);
    }

    [Theory]
    [InlineData(117.64, 35.50)]
    [InlineData(116.397, 39.909)]
    [InlineData(121.47, 31.23)]
    [InlineData(113.26, 23.13)]
    [InlineData(87.62, 43.82)]
    public void RoundTripInsideChinaIsWithinHalfAMetre(double longitude, double latitude)
    {
        var wgs84 = new Coordinate(longitude, latitude);

        var back = Gcj02.ToWgs84(Gcj02.FromWgs84(wgs84));

        Assert.True(MetresBetween(wgs84, back) < 0.5, $"round trip error {MetresBetween(wgs84, back):0.000} m");
    }

    [Fact]
    public void TheOffsetInLinyiIsSomeHundredsOfMetres()
    {
        var wgs84 = new Coordinate(117.64, 35.50);

        var offset = MetresBetween(wgs84, Gcj02.FromWgs84(wgs84));

        Assert.InRange(offset, 100, 800);
    }

    [Theory]
    [InlineData(2.35, 48.85)]
    [InlineData(-74.0, 40.7)]
    [InlineData(151.2, -33.9)]
    public void OutsideChinaBothDatumsAreTheSame(double longitude, double latitude)
    {
        var point = new Coordinate(longitude, latitude);

        Assert.Equal(point, Gcj02.FromWgs84(point));
        Assert.Equal(point, Gcj02.ToWgs84(point));
    }
}
