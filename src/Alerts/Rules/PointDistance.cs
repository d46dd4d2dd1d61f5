namespace CommandCenter.Alerts.Rules;

/// <summary>The distance in metres between two WGS-84 positions, on a sphere of the earth's mean radius.</summary>
/// <remarks>
/// The haversine stays exact at the few metres the moving exclusion zone is measured in, where the cosine form loses
/// its digits; the sphere's error against the ellipsoid (under half a percent) is far below a phone's accuracy.
/// </remarks>
internal static class PointDistance
{
    private const double EarthRadiusMetres = 6_371_008.8;

    public static double Metres(double longitude1, double latitude1, double longitude2, double latitude2)
    {
        var phi1 = Radians(latitude1);
        var phi2 = Radians(latitude2);
        var sinHalfPhi = Math.Sin((phi2 - phi1) / 2);
        var sinHalfLambda = Math.Sin(Radians(longitude2 - longitude1) / 2);
        var h = (sinHalfPhi * sinHalfPhi) + (Math.Cos(phi1) * Math.Cos(phi2) * sinHalfLambda * sinHalfLambda);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
