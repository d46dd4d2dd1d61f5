using CommandCenter.Geo.Datums;

namespace CommandCenter.Geo.Tests.Datums;

public class ChinaDatumsTests
{
    // Reference pairs published with the open-source eviltransform and coordtransform libraries
    // (WGS-84 → GCJ-02 and GCJ-02 → BD-09), and with gcoord (GCJ-02 → BD-09).
    public static TheoryData<double, double, double, double> PublishedWgs84ToGcj02 => new()
    {
        { 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597 },   // Shanghai
        { 113.912316, 22.543847, 113.9171764808363, 22.540796131694766 },   // Shenzhen
        { 116.377817, 39.911954, 116.38404722455657, 39.91334545536069 },   // Beijing
        { 116.404, 39.915, 116.41024449916938, 39.91640428150164 },         // Beijing, Tiananmen
    };

    public static TheoryData<double, double, double, double> PublishedGcj02ToBd09 => new()
    {
        { 116.404, 39.915, 116.41036949371029, 39.92133699351021 },
        { 123, 45, 123.00636499, 45.00636899 },
    };

    [Theory]
    [MemberData(nameof(PublishedWgs84ToGcj02))]
    public void Wgs84ToGcj02MatchesThePublishedReferencePoints(double lon, double lat, double gcjLon, double gcjLat)
    {
        var gcj = ChinaDatums.Wgs84ToGcj02(new LonLat(lon, lat));

        Assert.Equal(gcjLon, gcj.Longitude, 1e-9);
        Assert.Equal(gcjLat, gcj.Latitude, 1e-9);
    }

    [Theory]
    [MemberData(nameof(PublishedWgs84ToGcj02))]
    public void Gcj02ToWgs84RecoversThePublishedWgs84PointsToATenthOfAMicrodegree(double lon, double lat, double gcjLon, double gcjLat)
    {
        var wgs = ChinaDatums.Gcj02ToWgs84(new LonLat(gcjLon, gcjLat));

        Assert.Equal(lon, wgs.Longitude, 1e-7);
        Assert.Equal(lat, wgs.Latitude, 1e-7);
    }

    [Theory]
    [MemberData(nameof(PublishedGcj02ToBd09))]
    public void Gcj02ToBd09MatchesThePublishedReferencePoints(double lon, double lat, double bdLon, double bdLat)
    {
        var bd = ChinaDatums.Gcj02ToBd09(new LonLat(lon, lat));

        Assert.Equal(bdLon, bd.Longitude, 1e-8);
        Assert.Equal(bdLat, bd.Latitude, 1e-8);
    }

    [Theory]
    [MemberData(nameof(PublishedGcj02ToBd09))]
    public void Bd09ToGcj02RecoversThePublishedGcj02Points(double lon, double lat, double bdLon, double bdLat)
    {
        var gcj = ChinaDatums.Bd09ToGcj02(new LonLat(bdLon, bdLat));

        Assert.Equal(lon, gcj.Longitude, 1e-7);
        Assert.Equal(lat, gcj.Latitude, 1e-7);
    }

    [Fact]
    public void TheRoundTripThroughGcj02AndBd09StaysWithinHalfAMetreAllOverChina()
    {
        double worst = 0;
        for (double lon = 73.5; lon <= 135; lon += 0.73)
        {
            for (double lat = 18; lat <= 53.5; lat += 0.61)
            {
                var wgs = new LonLat(lon, lat);
                worst = Math.Max(worst, MetresBetween(wgs, ChinaDatums.Gcj02ToWgs84(ChinaDatums.Wgs84ToGcj02(wgs))));
                worst = Math.Max(worst, MetresBetween(wgs, ChinaDatums.Bd09ToWgs84(ChinaDatums.Wgs84ToBd09(wgs))));
            }
        }

        Assert.True(worst < 0.5, $"worst round trip {worst} m");
        Assert.True(worst < 0.01, $"the iteration should reach about a centimetre, not {worst} m");
    }

    [Fact]
    public void OutsideChinaGcj02EqualsWgs84()
    {
        var london = new LonLat(-0.1276, 51.5072);

        Assert.True(ChinaDatums.IsOutsideChina(london));
        Assert.Equal(london, ChinaDatums.Wgs84ToGcj02(london));
        Assert.Equal(london, ChinaDatums.Gcj02ToWgs84(london));
    }

    [Theory]
    [InlineData(Datum.Wgs84, Datum.Gcj02)]
    [InlineData(Datum.Wgs84, Datum.Bd09)]
    [InlineData(Datum.Gcj02, Datum.Bd09)]
    [InlineData(Datum.Bd09, Datum.Wgs84)]
    public void ConvertGoesThereAndBackBetweenAnyTwoDatums(Datum from, Datum to)
    {
        var start = new LonLat(118.35, 35.05);

        var back = ChinaDatums.Convert(ChinaDatums.Convert(start, from, to), to, from);

        Assert.True(MetresBetween(start, back) < 0.01);
    }

    private static double MetresBetween(LonLat a, LonLat b)
    {
        const double earthRadius = 6_371_008.8;
        double dLat = (b.Latitude - a.Latitude) * Math.PI / 180;
        double dLon = (b.Longitude - a.Longitude) * Math.PI / 180;
        double h = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(a.Latitude * Math.PI / 180) * Math.Cos(b.Latitude * Math.PI / 180) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * earthRadius * Math.Asin(Math.Sqrt(h));
    }
}
