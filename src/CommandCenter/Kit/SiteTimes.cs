using System.Globalization;
using CommandCenter.Hosting;

namespace CommandCenter.Kit;

/// <summary>How the set-up pages' lists write an instant: in the site's time, to the minute.</summary>
public static class SiteTimes
{
    /// <summary>The instant in the site's time as yyyy-MM-dd HH:mm; a dash for none (a device that never reported).</summary>
    public static string Minute(this SiteClock clock, DateTimeOffset? instant) =>
        instant is { } value ? clock.ToLocal(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
