namespace CommandCenter.Hosting;

/// <summary>
/// The one range of dates any request may carry (a check-in, a term, a permit, a positioning order, a day
/// to replay). No record of this product can predate 1990, and nothing is planned more than 50 years ahead;
/// a date outside that is a typing mistake or a probe (year 1, 9999) that would otherwise overflow date
/// arithmetic, partition lookups or the rules' timers.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(1990, 1, 1);

    public const int YearsAhead = 50;

    public static DateOnly Latest(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(YearsAhead);

    public static bool Contains(DateOnly day, TimeProvider time) => day >= Earliest && day <= Latest(time);

    public static bool Contains(DateTimeOffset instant, TimeProvider time) => Contains(DateOnly.FromDateTime(instant.UtcDateTime), time);

    /// <summary>What a client is told when a date falls outside the range.</summary>
    public static string Explain(TimeProvider time) =>
        $"The date must fall between {Earliest:yyyy-MM-dd} and {Latest(time):yyyy-MM-dd}.";
}
