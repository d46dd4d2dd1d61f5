namespace CommandCenter.Alerts.Patterns;

/// <summary>
/// 昼伏夜出: over the recent days, did the person move mostly at night and little by day, unlike their own earlier
/// weeks? Each person is compared with themselves, because a night-shift worker's usual week is mostly night: only a
/// change of rhythm is a warning sign. Shares of distance are compared, not distances, so a busier week alone is no
/// pattern. Days without fixes are left out of both sides rather than read as rest.
/// </summary>
public static class NightActivityJudgement
{
    /// <summary>Judges the days of one person as of <paramref name="now"/> on the site's clock.</summary>
    /// <param name="days">The person's daily movement; days outside the recent and earlier windows are ignored.</param>
    /// <param name="now">The present instant.</param>
    /// <param name="zone">The site's time zone, whose calendar the days follow.</param>
    /// <param name="thresholds">The thresholds and the data needed.</param>
    public static NightActivityVerdict Judge(IEnumerable<DailyMovement> days, DateTimeOffset now, TimeZoneInfo zone, NightActivityThresholds thresholds)
    {
        var (recentFrom, earlierFrom, today) = Windows(now, zone, thresholds);
        var withData = days.Where(d => d.Fixes > 0).ToList();
        var recent = withData.Where(d => d.Day >= recentFrom && d.Day < today).ToList();
        var earlier = withData.Where(d => d.Day >= earlierFrom && d.Day < recentFrom).ToList();

        var recentShare = NightShare(recent);
        var earlierShare = NightShare(earlier);
        var enough = recent.Count >= thresholds.MinRecentDays
            && earlier.Count >= thresholds.MinEarlierDays
            && recent.Sum(d => d.TotalMetres) >= thresholds.MinRecentMetres;
        if (!enough)
        {
            return new NightActivityVerdict(NightActivityVerdictKind.NotEnoughData, recentShare, earlierShare);
        }

        var pattern = recentShare >= thresholds.MinNightShare && recentShare - earlierShare >= thresholds.MinRise;
        return new NightActivityVerdict(pattern ? NightActivityVerdictKind.NightPattern : NightActivityVerdictKind.Usual, recentShare, earlierShare);
    }

    /// <summary>The first day of the recent window, the first of the earlier weeks, and today (excluded), on the site's calendar.</summary>
    public static (DateOnly RecentFrom, DateOnly EarlierFrom, DateOnly Today) Windows(DateTimeOffset now, TimeZoneInfo zone, NightActivityThresholds thresholds)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var recentFrom = today.AddDays(-thresholds.RecentDays);
        return (recentFrom, recentFrom.AddDays(-7 * thresholds.EarlierWeeks), today);
    }

    private static double NightShare(List<DailyMovement> days)
    {
        var total = days.Sum(d => d.TotalMetres);
        return total <= 0 ? 0 : days.Sum(d => d.NightMetres) / total;
    }
}
