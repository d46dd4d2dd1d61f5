namespace CommandCenter.Geo;

/// <summary>
/// Settings of the Geo engine that a site may change (bound from configuration by the host).
/// </summary>
public sealed class GeoOptions
{
    /// <summary>The time zone used when the product runs in the seed county.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>
    /// The IANA (or Windows) id of the time zone in which fence schedules are read:
    /// "22:00-06:00" means 22:00 on the site's wall clock.
    /// </summary>
    public string TimeZoneId { get; set; } = DefaultTimeZoneId;

    /// <summary>
    /// Resolves <see cref="TimeZoneId"/> through the system's time-zone database, so that a site
    /// elsewhere only changes the setting.
    /// </summary>
    /// <exception cref="InvalidOperationException">The id is empty or unknown to the system.</exception>
    public TimeZoneInfo ResolveTimeZone()
    {
        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            throw new InvalidOperationException("Geo:TimeZoneId is empty; set it to a time-zone id such as Asia/Shanghai.");
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException(
                $"Geo:TimeZoneId '{TimeZoneId}' is not a time zone this system knows (is the tzdata/ICU database installed?).", e);
        }
    }
}
