namespace CommandCenter.Geo.Tests.Support;

/// <summary>
/// Moves a position by metres along a meridian or a parallel using the ellipsoid's radii of curvature,
/// independently of the engine's projection, so buffer tests do not check the code with itself.
/// </summary>
internal static class Metres
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private static readonly double E2 = F * (2 - F);

    public static double NorthToDegrees(double latitude, double metres)
    {
        double s = Math.Sin(latitude * Math.PI / 180);
        double meridianRadius = A * (1 - E2) / Math.Pow(1 - E2 * s * s, 1.5);
        return metres / meridianRadius * 180 / Math.PI;
    }

    public static double EastToDegrees(double latitude, double metres)
    {
        double phi = latitude * Math.PI / 180;
        double s = Math.Sin(phi);
        double primeVertical = A / Math.Sqrt(1 - E2 * s * s);
        return metres / (primeVertical * Math.Cos(phi)) * 180 / Math.PI;
    }
}
