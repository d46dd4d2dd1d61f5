using CommandCenter.Hosting;

namespace CommandCenter.Kpi.Panels;

/// <summary>
/// The month a set of panels is computed for, in the site's calendar, with the UTC instants that bound it
/// (the database stores UTC) and the day that "as of" figures are taken on: the month's last day, or
/// today while the month is still running.
/// </summary>
public sealed record KpiPeriod(DateOnly Month, DateOnly Today, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The month's last day.</summary>
    public DateOnly LastDay => Month.AddMonths(1).AddDays(-1);

    /// <summary>The day "how many now" figures are taken on.</summary>
    public DateOnly AsOf => LastDay < Today ? LastDay : Today;

    public bool IsCurrent => Month.Year == Today.Year && Month.Month == Today.Month;

    /// <summary>The first day of the quarter the month falls in.</summary>
    public DateOnly QuarterStart => new(Month.Year, (Month.Month - 1) / 3 * 3 + 1, 1);

    /// <summary>The quarter's last day.</summary>
    public DateOnly QuarterEnd => QuarterStart.AddMonths(3).AddDays(-1);

    public int Quarter => (Month.Month - 1) / 3 + 1;

    /// <summary>The month the period is in, for the site's clock.</summary>
    public static KpiPeriod For(DateOnly anyDayOfMonth, DateOnly today, SiteClock clock)
    {
        var month = new DateOnly(anyDayOfMonth.Year, anyDayOfMonth.Month, 1);
        return new KpiPeriod(month, today, clock.StartOfDay(month), clock.StartOfDay(month.AddMonths(1)));
    }

    /// <summary>This month and the eleven before it, oldest first: the span of the panels' trend charts.</summary>
    public IReadOnlyList<DateOnly> TrailingYear() => Enumerable.Range(0, 12).Select(i => Month.AddMonths(i - 11)).ToList();
}
