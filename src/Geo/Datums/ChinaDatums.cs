namespace CommandCenter.Geo.Datums;

/// <summary>
/// Conversions between WGS-84, GCJ-02 and BD-09 by the well-known public algorithms. The forward
/// offsets (WGS-84 to GCJ-02, GCJ-02 to BD-09) are closed formulas; their inverses have none, so they
/// are solved by fixed-point iteration to 1e-9 degrees (about 0.1 mm). Outside China GCJ-02 equals
/// WGS-84, as Chinese map providers do it.
/// </summary>
public static class ChinaDatums
{
    // The Krasovsky ellipsoid that the GCJ-02 formulas are written against.
    private const double KrasovskySemiMajorAxis = 6378245.0;
    private const double KrasovskyEccentricitySquared = 0.00669342162296594323;

    // Baidu's constant for its BD-09 rotation and scaling.
    private const double BaiduXPi = Math.PI * 3000.0 / 180.0;
    private const double BaiduLongitudeShift = 0.0065;
    private const double BaiduLatitudeShift = 0.006;

    private const double InverseTolerance = 1e-9;
    private const int MaxIterations = 50;

    /// <summary>
    /// Whether the position lies outside the rectangle in which GCJ-02 differs from WGS-84. The rectangle
    /// is the one the public implementations use; it is coarse on purpose so that all agree.
    /// </summary>
    public static bool IsOutsideChina(LonLat position) =>
        position.Longitude is < 72.004 or > 137.8347 || position.Latitude is < 0.8293 or > 55.8271;

    /// <summary>Converts a position between any two datums.</summary>
    public static LonLat Convert(LonLat position, Datum from, Datum to)
    {
        if (from == to)
        {
            return position;
        }

        var wgs84 = from switch
        {
            Datum.Wgs84 => position,
            Datum.Gcj02 => Gcj02ToWgs84(position),
            Datum.Bd09 => Bd09ToWgs84(position),
            _ => throw new ArgumentOutOfRangeException(nameof(from), from, "Unknown datum."),
        };

        return to switch
        {
            Datum.Wgs84 => wgs84,
            Datum.Gcj02 => Wgs84ToGcj02(wgs84),
            Datum.Bd09 => Wgs84ToBd09(wgs84),
            _ => throw new ArgumentOutOfRangeException(nameof(to), to, "Unknown datum."),
        };
    }

    /// <summary>WGS-84 to GCJ-02.</summary>
    public static LonLat Wgs84ToGcj02(LonLat wgs84)
    {
        if (IsOutsideChina(wgs84))
        {
            return wgs84;
        }

        var (dLon, dLat) = Gcj02Offset(wgs84.Longitude, wgs84.Latitude);
        return new LonLat(wgs84.Longitude + dLon, wgs84.Latitude + dLat);
    }

    /// <summary>GCJ-02 to WGS-84, solved by iteration to within 1e-9 degrees.</summary>
    public static LonLat Gcj02ToWgs84(LonLat gcj02)
    {
        if (IsOutsideChina(gcj02))
        {
            return gcj02;
        }

        return Invert(gcj02, Wgs84ToGcj02);
    }

    /// <summary>GCJ-02 to BD-09.</summary>
    public static LonLat Gcj02ToBd09(LonLat gcj02)
    {
        double x = gcj02.Longitude;
        double y = gcj02.Latitude;
        double z = Math.Sqrt(x * x + y * y) + 0.00002 * Math.Sin(y * BaiduXPi);
        double theta = Math.Atan2(y, x) + 0.000003 * Math.Cos(x * BaiduXPi);
        return new LonLat(z * Math.Cos(theta) + BaiduLongitudeShift, z * Math.Sin(theta) + BaiduLatitudeShift);
    }

    /// <summary>
    /// BD-09 to GCJ-02. Baidu's published inverse is itself approximate (off by up to about 1e-6 degrees);
    /// it is used as the first guess and refined by iteration to within 1e-9 degrees.
    /// </summary>
    public static LonLat Bd09ToGcj02(LonLat bd09)
    {
        double x = bd09.Longitude - BaiduLongitudeShift;
        double y = bd09.Latitude - BaiduLatitudeShift;
        double z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * BaiduXPi);
        double theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * BaiduXPi);
        var guess = new LonLat(z * Math.Cos(theta), z * Math.Sin(theta));
        return Invert(bd09, Gcj02ToBd09, guess);
    }

    /// <summary>WGS-84 to BD-09.</summary>
    public static LonLat Wgs84ToBd09(LonLat wgs84) => Gcj02ToBd09(Wgs84ToGcj02(wgs84));

    /// <summary>BD-09 to WGS-84.</summary>
    public static LonLat Bd09ToWgs84(LonLat bd09) => Gcj02ToWgs84(Bd09ToGcj02(bd09));

    // Finds p with forward(p) = target. The offsets vary slowly (their derivative is far below 1), so
    // subtracting the residual converges geometrically, to 1e-9 degrees in a handful of steps.
    private static LonLat Invert(LonLat target, Func<LonLat, LonLat> forward, LonLat? firstGuess = null)
    {
        var guess = firstGuess ?? target;
        for (int i = 0; i < MaxIterations; i++)
        {
            var image = forward(guess);
            double dLon = image.Longitude - target.Longitude;
            double dLat = image.Latitude - target.Latitude;
            if (Math.Abs(dLon) < InverseTolerance && Math.Abs(dLat) < InverseTolerance)
            {
                break;
            }

            guess = new LonLat(guess.Longitude - dLon, guess.Latitude - dLat);
        }

        return guess;
    }

    private static (double DLon, double DLat) Gcj02Offset(double longitude, double latitude)
    {
        double x = longitude - 105.0;
        double y = latitude - 35.0;
        double dLat = OffsetLatitude(x, y);
        double dLon = OffsetLongitude(x, y);

        double radLat = latitude / 180.0 * Math.PI;
        double magic = Math.Sin(radLat);
        magic = 1 - KrasovskyEccentricitySquared * magic * magic;
        double sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (KrasovskySemiMajorAxis * (1 - KrasovskyEccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (KrasovskySemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }

    private static double OffsetLatitude(double x, double y)
    {
        double result = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        result += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        result += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        result += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return result;
    }

    private static double OffsetLongitude(double x, double y)
    {
        double result = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        result += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        result += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        result += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return result;
    }
}
