using CommandCenter.Geo.Fences;
using CommandCenter.Geo.Tests.Support;
using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Tests.Fences;

public class MetricBufferTests
{
    [Theory]
    [InlineData(35.0)]
    [InlineData(60.0)]
    public void AHundredMetreBufferGrowsTheAreaByAHundredMetresEastAndNorth(double latitude)
    {
        // A small square whose east edge is at longitude 118.001 and north edge at latitude + 0.001.
        var square = Wkt.Read(FormattableString.Invariant(
            $"POLYGON((118 {latitude}, 118.001 {latitude}, 118.001 {latitude + 0.001}, 118 {latitude + 0.001}, 118 {latitude}))"));

        var buffered = MetricBuffer.Apply(square, 100);

        double midLatitude = latitude + 0.0005;
        Assert.True(Covers(buffered, 118.001 + Metres.EastToDegrees(midLatitude, 99.5), midLatitude));
        Assert.False(Covers(buffered, 118.001 + Metres.EastToDegrees(midLatitude, 100.5), midLatitude));
        Assert.True(Covers(buffered, 118.0005, latitude + 0.001 + Metres.NorthToDegrees(latitude + 0.001, 99.5)));
        Assert.False(Covers(buffered, 118.0005, latitude + 0.001 + Metres.NorthToDegrees(latitude + 0.001, 100.5)));
    }

    [Fact]
    public void ABufferShrinksTheHolesByAsMuch()
    {
        var withHole = Wkt.Read("POLYGON((118 35, 118.02 35, 118.02 35.02, 118 35.02, 118 35), (118.005 35.005, 118.015 35.005, 118.015 35.015, 118.005 35.015, 118.005 35.005))");

        var buffered = (Polygon)MetricBuffer.Apply(withHole, 50);

        Assert.Equal(1, buffered.NumInteriorRings);
        Assert.True(buffered.InteriorRings[0].EnvelopeInternal.Width < 0.01 - 2 * Metres.EastToDegrees(35.01, 49));
        Assert.True(Covers(buffered, 118.005 + Metres.EastToDegrees(35.01, 40), 35.01));
        Assert.False(Covers(buffered, 118.005 + Metres.EastToDegrees(35.01, 60), 35.01));
    }

    [Fact]
    public void TheResultIsInWgs84ThroughTheSharedFactory()
    {
        var square = Wkt.Read("POLYGON((118 35, 118.001 35, 118.001 35.001, 118 35.001, 118 35))");

        var buffered = MetricBuffer.Apply(square, 10);

        Assert.Equal(Wgs84.Srid, buffered.SRID);
        Assert.Same(Wgs84.Factory, buffered.Factory);
    }

    private static bool Covers(Geometry area, double longitude, double latitude) =>
        area.Covers(Wgs84.CreatePoint(longitude, latitude));
}
