using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Tests.Support;

namespace CommandCenter.Geo.Tests.Fences;

public class MetricCircleTests
{
    [Theory]
    [InlineData(35.5, 117.6, 2_000)]
    [InlineData(35.5, 117.6, 30_000)]
    [InlineData(60.0, 25.0, 5_000)]
    public void EveryPointOfTheRimLiesTheRadiusAwayInMetres(double latitude, double longitude, double radius)
    {
        var disc = MetricCircle.Around(longitude, latitude, radius);

        Assert.True(disc.IsValid);
        foreach (var rim in disc.ExteriorRing.Coordinates)
        {
            // Metres measured along the ellipsoid's own radii of curvature, not with the projection that drew the disc.
            var north = (rim.Y - latitude) / Metres.NorthToDegrees(latitude, 1);
            var east = (rim.X - longitude) / Metres.EastToDegrees((rim.Y + latitude) / 2, 1);
            var distance = Math.Sqrt(north * north + east * east);
            Assert.InRange(distance, radius * 0.99, radius * 1.01);
        }
    }

    [Fact]
    public void TheDiscIsAsWideEastWestAsItIsTallNorthSouthOnTheGround()
    {
        var disc = MetricCircle.Around(117.6, 35.5, 10_000);

        var width = disc.EnvelopeInternal.Width / Metres.EastToDegrees(35.5, 1);
        var height = disc.EnvelopeInternal.Height / Metres.NorthToDegrees(35.5, 1);
        Assert.InRange(width / height, 0.99, 1.01);
        Assert.Equal(Wgs84.Srid, disc.SRID);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(50_001)]
    [InlineData(double.NaN)]
    public void ARadiusThatIsNoDestinationIsRefused(double radius) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricCircle.Around(117.6, 35.5, radius));
}
