namespace CommandCenter.Geo.Schedules;

/// <summary>
/// When a fence is active: weekly windows (e.g. a curfew 22:00-06:00), date ranges (e.g. the term of an
/// order), both, or neither (always active). Read on the site's wall clock. Immutable.
/// </summary>
/// <remarks>
/// Rules: with no windows the fence is active all day on every date of its ranges; with no ranges it is
/// active in its windows every week; with both, it is active in a window whose opening date lies in a
/// range, so a curfew that opens on the last day of a range still runs to its morning end.
/// </remarks>
public sealed class FenceSchedule : IEquatable<FenceSchedule>
{
    private readonly WeeklyWindow[] _windows;
    private readonly DateRange[] _dateRanges;

    /// <summary>Creates a schedule from its windows and date ranges (either may be empty).</summary>
    public FenceSchedule(IEnumerable<WeeklyWindow>? windows = null, IEnumerable<DateRange>? dateRanges = null)
    {
        _windows = windows?.ToArray() ?? [];
        _dateRanges = dateRanges?.ToArray() ?? [];
        if (_windows.Any(w => w is null))
        {
            throw new ArgumentException("A schedule cannot hold a null window.", nameof(windows));
        }
    }

    /// <summary>The schedule of a fence that is always active.</summary>
    public static FenceSchedule Always { get; } = new();

    /// <summary>The weekly windows (empty: all day).</summary>
    public IReadOnlyList<WeeklyWindow> Windows => _windows;

    /// <summary>The date ranges (empty: every date).</summary>
    public IReadOnlyList<DateRange> DateRanges => _dateRanges;

    /// <summary>Whether the fence is always active.</summary>
    public bool IsAlways => _windows.Length == 0 && _dateRanges.Length == 0;

    /// <summary>Whether the schedule is active at an instant, read on the wall clock of <paramref name="timeZone"/>.</summary>
    public bool IsActiveAt(DateTimeOffset instant, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return IsAlways || IsActiveAtLocal(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);
    }

    /// <summary>
    /// Whether the schedule is active at a wall-clock time of the site. The fence index converts an
    /// instant once per position and asks every fence with the result.
    /// </summary>
    public bool IsActiveAtLocal(DateTime siteLocalTime)
    {
        if (IsAlways)
        {
            return true;
        }

        if (_windows.Length == 0)
        {
            return InRanges(DateOnly.FromDateTime(siteLocalTime));
        }

        foreach (var window in _windows)
        {
            if (window.TryFindOpening(siteLocalTime, out var openedOn) && InRanges(openedOn))
            {
                return true;
            }
        }

        return false;
    }

    private bool InRanges(DateOnly date)
    {
        if (_dateRanges.Length == 0)
        {
            return true;
        }

        foreach (var range in _dateRanges)
        {
            if (range.Contains(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(FenceSchedule? other) =>
        other is not null && _windows.SequenceEqual(other._windows) && _dateRanges.SequenceEqual(other._dateRanges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FenceSchedule);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_windows.Length, _dateRanges.Length);

    /// <inheritdoc />
    public override string ToString() =>
        IsAlways ? "always" : string.Join("; ", _windows.Select(w => w.ToString()).Concat(_dateRanges.Select(r => r.ToString())));
}
