using CommandCenter.Geo.Datums;
using CommandCenter.Geo.Tests.Support;

namespace CommandCenter.Geo.Tests.Datums;

public class DatumTransformTests
{
    [Fact]
    public void AFenceDrawnOnAGcj02MapIsConvertedVertexByVertexToWgs84()
    {
        var drawn = Wkt.Read("POLYGON((118 35, 118.01 35, 118.01 35.01, 118 35.01, 118 35))");

        var stored = DatumTransform.Convert(drawn, Datum.Gcj02, Datum.Wgs84);

        Assert.Equal(Wgs84.Srid, stored.SRID);
        for (int i = 0; i < drawn.NumPoints; i++)
        {
            var expected = ChinaDatums.Gcj02ToWgs84(new LonLat(drawn.Coordinates[i].X, drawn.Coordinates[i].Y));
            Assert.Equal(expected.Longitude, stored.Coordinates[i].X, 1e-12);
            Assert.Equal(expected.Latitude, stored.Coordinates[i].Y, 1e-12);
        }
    }

    [Fact]
    public void TheInputGeometryIsLeftUnchanged()
    {
        var drawn = Wkt.Read("POLYGON((118 35, 118.01 35, 118.01 35.01, 118 35.01, 118 35))");

        DatumTransform.Convert(drawn, Datum.Wgs84, Datum.Bd09);

        Assert.Equal(118, drawn.Coordinates[0].X);
    }
}
