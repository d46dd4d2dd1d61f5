namespace CommandCenter.Alerts.Tracking;

/// <summary>
/// When a subject must check in (报到): every <see cref="IntervalDays"/> days from <see cref="FirstDue"/>,
/// by <see cref="DueBy"/> on the site's wall clock. Each deadline closes a period that began at the
/// previous deadline; one check-in inside the period satisfies it.
/// </summary>
public sealed record CheckInCadence
{
    /// <summary>Creates a cadence.</summary>
    /// <param name="firstDue">The day of the first deadline (the law asks for the first within 10 days of the judgment).</param>
    /// <param name="intervalDays">Days between deadlines, 1 to 366.</param>
    /// <param name="dueBy">The wall-clock time on each due day by which the check-in must be made.</param>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not between 1 and 366 days.</exception>
    public CheckInCadence(DateOnly firstDue, int intervalDays, TimeOnly dueBy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(intervalDays, 366);
        FirstDue = firstDue;
        IntervalDays = intervalDays;
        DueBy = dueBy;
    }

    /// <summary>The day of the first deadline.</summary>
    public DateOnly FirstDue { get; }

    /// <summary>Days between deadlines.</summary>
    public int IntervalDays { get; }

    /// <summary>The wall-clock time of each deadline.</summary>
    public TimeOnly DueBy { get; }

    /// <summary>The <paramref name="number"/>-th deadline (0 is the first) as an instant.</summary>
    public DateTimeOffset Deadline(int number, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = FirstDue.AddDays(number * IntervalDays).ToDateTime(DueBy, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The number of the latest deadline at or before an instant, or -1 before the first.</summary>
    public int LatestDeadlineNumber(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var days = DateOnly.FromDateTime(local).DayNumber - FirstDue.DayNumber;
        if (days < 0)
        {
            return -1;
        }

        var number = days / IntervalDays;
        // On a due day before the due time, the deadline of that day has not passed yet.
        return Deadline(number, zone) <= instant ? number : number - 1;
    }
}
