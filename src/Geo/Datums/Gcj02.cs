using NetTopologySuite.Geometries;

namespace CommandCenter.Geo.Datums;

/// <summary>
/// Conversions between WGS-84 (what devices report and what is stored) and GCJ-02, the obfuscated datum
/// that Chinese web maps and the boundary data traced from them use. Outside China the two are equal.
/// Coordinates are X = longitude, Y = latitude, in degrees.
/// </summary>
public static class Gcj02
{
    // The Krasovsky 1940 ellipsoid that the GCJ-02 offset formula is defined on.
    private const double SemiMajorAxis = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;

    /// <summary>Whether the offset applies at this WGS-84 position (a rectangle around mainland China, as the datum defines it).</summary>
    public static bool AppliesAt(double longitude, double latitude) =>
        longitude is >= 72.004 and <= 137.8347 && latitude is >= 0.8293 and <= 55.8271;

    /// <summary>WGS-84 to GCJ-02.</summary>
    public static Coordinate FromWgs84(Coordinate wgs84)
    {
        if (!AppliesAt(wgs84.X, wgs84.Y))
        {
            return wgs84.Copy();
        }

        var (dLon, dLat) = Offset(wgs84.X, wgs84.Y);
        return new Coordinate(wgs84.X + dLon, wgs84.Y + dLat);
    }

    /// <summary>
    /// GCJ-02 to WGS-84. The forward formula has no closed inverse; iterating on it converges to within
    /// 1e-9° (about 0.1 mm) in a few steps.
    /// </summary>
    public static Coordinate ToWgs84(Coordinate gcj02)
    {
        if (!AppliesAt(gcj02.X, gcj02.Y))
        {
            return gcj02.Copy();
        }

        var longitude = gcj02.X;
        var latitude = gcj02.Y;
        for (var step = 0; step < 30; step++)
        {
            var forward = FromWgs84(new Coordinate(longitude, latitude));
            var errorLon = forward.X - gcj02.X;
            var errorLat = forward.Y - gcj02.Y;
            longitude -= errorLon;
            latitude -= errorLat;
            if (Math.Abs(errorLon) < 1e-9 && Math.Abs(errorLat) < 1e-9)
            {
                break;
            }
        }

        return new Coordinate(longitude, latitude);
    }

    private static (double DLon, double DLat) Offset(double longitude, double latitude)
    {
        var x = longitude - 105.0;
        var y = latitude - 35.0;
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
            + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
            + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;

        var radLat = latitude / 180.0 * Math.PI;
        var magic = 1 - EccentricitySquared * Math.Sin(radLat) * Math.Sin(radLat);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (SemiMajorAxis * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (SemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }
}
