namespace CommandCenter.Supervision;

/// <summary>
/// The limits the implementing measures put on leave, judged on the site's calendar: how many days a permit
/// covers, the notice it was asked with, the days in one go and in a calendar year, and who may decide it.
/// Pure: the caller gives the moment, the settings and the permits already approved.
/// </summary>
/// <remarks>
/// A day of leave is a calendar day of the site that the period touches, as the paper form counts them: a
/// permit from Monday 00:00 to Wednesday 00:00 is two days, one from Monday 08:00 to Monday 18:00 one.
/// Notice counts the working days (Monday to Friday) strictly between the day it was asked and the first day
/// of leave: asked on a Monday, a leave from Friday has 3 (Tuesday to Thursday). Statutory holidays and the
/// weekends worked in their place (调休) are not modelled: a site that needs them may raise the notice.
/// </remarks>
public sealed class LeaveLimits(LeaveOptions options, TimeZoneInfo zone)
{
    /// <summary>The longest leave the squad may decide on the county's delegation.</summary>
    public int SquadMaxDays => options.SquadMaxDays;

    /// <summary>The site's calendar days the period touches.</summary>
    public int Days(DateTimeOffset startsAt, DateTimeOffset endsAt) => LastDay(endsAt).DayNumber - Day(startsAt).DayNumber + 1;

    /// <summary>Working days (Monday to Friday) after <paramref name="askedOn"/> and before <paramref name="firstDay"/>.</summary>
    public static int WorkingDaysBetween(DateOnly askedOn, DateOnly firstDay)
    {
        var count = 0;
        for (var day = askedOn.AddDays(1); day < firstDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether a request may be stored as asked at <paramref name="askedAt"/>: the length in one go, the notice
    /// (unless urgent with a reason) and the yearly total with the <paramref name="approved"/> leave of the same
    /// person. Null when it may.
    /// </summary>
    public LeaveRefusal? CheckRequest(LeavePeriod asked, DateTimeOffset askedAt, bool urgent, string? urgentReason, IEnumerable<LeavePeriod> approved)
    {
        var days = Days(asked.StartsAt, asked.EndsAt);
        if (days > options.MaxDays)
        {
            return new LeaveRefusal("max-days", StatusCodes.Status422UnprocessableEntity, "Leave.Rule.MaxDays", options.MaxDays, days);
        }

        if (urgent && string.IsNullOrWhiteSpace(urgentReason))
        {
            return new LeaveRefusal("urgent-reason", StatusCodes.Status400BadRequest, "Leave.Rule.UrgentReason");
        }

        var longLeave = days > options.SquadMaxDays;
        var needed = longLeave ? options.LongNoticeWorkingDays : options.NoticeWorkingDays;
        var given = WorkingDaysBetween(Day(askedAt), Day(asked.StartsAt));
        if (!urgent && given < needed)
        {
            return longLeave
                ? new LeaveRefusal("notice", StatusCodes.Status422UnprocessableEntity, "Leave.Rule.LongNotice", options.SquadMaxDays, needed, given)
                : new LeaveRefusal("notice", StatusCodes.Status422UnprocessableEntity, "Leave.Rule.Notice", options.SquadMaxDays, needed, given);
        }

        return CheckYearlyTotal(asked, approved);
    }

    /// <summary>
    /// Whether approving <paramref name="asked"/> keeps every calendar year it touches within the yearly total,
    /// counting the <paramref name="approved"/> leave's days in each year. Null when it does.
    /// </summary>
    public LeaveRefusal? CheckYearlyTotal(LeavePeriod asked, IEnumerable<LeavePeriod> approved)
    {
        var used = new Dictionary<int, int>();
        foreach (var period in approved)
        {
            AddDaysByYear(period, used);
        }

        var adding = AddDaysByYear(asked, new Dictionary<int, int>());
        foreach (var (year, days) in adding.OrderBy(y => y.Key))
        {
            var before = used.GetValueOrDefault(year);
            if (before + days > options.YearlyMaxDays)
            {
                return new LeaveRefusal("yearly-cap", StatusCodes.Status422UnprocessableEntity, "Leave.Rule.YearlyCap", year, options.YearlyMaxDays, before, days);
            }
        }

        return null;
    }

    /// <summary>Whether a leave this long is beyond the squad's delegation, so only the brigade's commander may decide it.</summary>
    public bool NeedsCommander(LeavePeriod asked) => Days(asked.StartsAt, asked.EndsAt) > options.SquadMaxDays;

    /// <summary>The refusal a squad leader meets deciding a leave beyond the delegation.</summary>
    public LeaveRefusal BeyondDelegation(LeavePeriod asked) =>
        new("delegation", StatusCodes.Status403Forbidden, "Leave.Rule.Delegation", options.SquadMaxDays, Days(asked.StartsAt, asked.EndsAt));

    private Dictionary<int, int> AddDaysByYear(LeavePeriod period, Dictionary<int, int> byYear)
    {
        for (var day = Day(period.StartsAt); day <= LastDay(period.EndsAt); day = day.AddDays(1))
        {
            byYear[day.Year] = byYear.GetValueOrDefault(day.Year) + 1;
        }

        return byYear;
    }

    private DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The last day a period ending at <paramref name="endsAt"/> touches: the end itself is excluded, so midnight belongs to the day before.</summary>
    private DateOnly LastDay(DateTimeOffset endsAt) => Day(endsAt.AddTicks(-1));
}
