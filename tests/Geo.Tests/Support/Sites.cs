namespace CommandCenter.Geo.Tests.Support;

/// <summary>The site settings the tests run under.</summary>
internal static class Sites
{
    public static TimeZoneInfo Shanghai { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>An instant given as a wall-clock time in Shanghai (UTC+8, no daylight saving).</summary>
    public static DateTimeOffset ShanghaiTime(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
