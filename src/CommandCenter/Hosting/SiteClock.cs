using Microsoft.Extensions.Options;

namespace CommandCenter.Hosting;

/// <summary>Converts between stored UTC instants and the site's local time (Asia/Shanghai unless configured).</summary>
public class SiteClock
{
    private readonly TimeZoneInfo zone;

    public SiteClock(IOptions<SiteOptions> options)
    {
        zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now).DateTime);

    /// <summary>The instant the site's day begins, in UTC (the database stores and compares UTC).</summary>
    public DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
