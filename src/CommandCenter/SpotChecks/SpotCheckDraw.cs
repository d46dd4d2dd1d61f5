namespace CommandCenter.SpotChecks;

/// <summary>
/// Whether the schedule sends a person a check in a given minute. Drawing each minute of the set hours with the
/// same chance makes the times unforeseeable to the subject while the count over a week comes out at the level's
/// frequency on average.
/// </summary>
public static class SpotCheckDraw
{
    /// <summary>The chance for one minute: checks a week spread over the minutes of the set hours in a week.</summary>
    public static double ChancePerMinute(int perWeek, TimeOnly from, TimeOnly until)
    {
        // TimeOnly's difference wraps past midnight; the set hours lie within one day (the options say so).
        var minutesADay = until.ToTimeSpan().TotalMinutes - from.ToTimeSpan().TotalMinutes;
        return perWeek <= 0 || minutesADay <= 0 ? 0 : Math.Min(1, perWeek / (7 * minutesADay));
    }

    /// <summary>Whether the local time lies within the set hours.</summary>
    public static bool IsWithinHours(TimeOnly local, TimeOnly from, TimeOnly until) => local >= from && local < until;
}
