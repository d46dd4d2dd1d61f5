using System.Globalization;

namespace CommandCenter.Map;

/// <summary>A distance as the screens write it: metres below a kilometre, else kilometres to one decimal.</summary>
public static class DistanceText
{
    public static string Of(double meters) => meters < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{meters:0} m")
        : string.Create(CultureInfo.InvariantCulture, $"{meters / 1000:0.0} km");
}
