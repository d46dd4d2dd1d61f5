namespace CommandCenter.TestSupport.Data;

/// <summary>Places and bodies for posting fixes in tests.</summary>
public static class Fixes
{
    /// <summary>West of the demo county (its westmost point is near 117.42°E), well beyond any buffer.</summary>
    public const double OutsideLatitude = 35.45;

    public const double OutsideLongitude = 117.30;

    /// <summary>One fix as the ingest API takes it.</summary>
    public static object Item(TestDevice device, DateTimeOffset time, double latitude, double longitude, string? key = null,
        int battery = 80, bool? charging = null, string? @event = null) => new
    {
        device = device.Serial,
        key = key ?? device.Key,
        time,
        lat = latitude,
        lon = longitude,
        accuracy = 8.0,
        battery,
        charging,
        @event,
    };

    /// <summary>A point well inside the demo county, away from its zones.</summary>
    public const double InsideLatitude = 35.50;

    public const double InsideLongitude = 117.64;

    public static object Batch(params object[] items) => new { positions = items };
}
