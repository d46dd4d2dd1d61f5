namespace CommandCenter.Geo.Schedules;

/// <summary>
/// A window of wall-clock time that opens on given days of the week, e.g. a curfew from 22:00 to 06:00
/// every night. A window whose end is not after its start runs across midnight into the next day
/// (an end equal to the start means a whole 24 hours). The window is half-open: active from
/// <see cref="Start"/> up to, not including, <see cref="End"/>.
/// </summary>
public sealed class WeeklyWindow : IEquatable<WeeklyWindow>
{
    private const int AllDays = 0b111_1111;

    // Bit (int)DayOfWeek is set for each day the window opens on.
    private readonly int _dayMask;

    /// <summary>Creates a window that opens on the given days.</summary>
    /// <param name="days">The days on which the window opens (a window across midnight closes the day after).</param>
    /// <param name="start">The wall-clock time at which it opens.</param>
    /// <param name="end">The wall-clock time at which it closes; at or before <paramref name="start"/> means the next day.</param>
    /// <exception cref="ArgumentException">No day is given, or a value is not a day of the week.</exception>
    public WeeklyWindow(IEnumerable<DayOfWeek> days, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in days)
        {
            if (day is < DayOfWeek.Sunday or > DayOfWeek.Saturday)
            {
                throw new ArgumentException($"{day} is not a day of the week.", nameof(days));
            }

            _dayMask |= 1 << (int)day;
        }

        if (_dayMask == 0)
        {
            throw new ArgumentException("A weekly window needs at least one day.", nameof(days));
        }

        Start = start;
        End = end;
    }

    private WeeklyWindow(int dayMask, TimeOnly start, TimeOnly end)
    {
        _dayMask = dayMask;
        Start = start;
        End = end;
    }

    /// <summary>A window that opens every day.</summary>
    public static WeeklyWindow Daily(TimeOnly start, TimeOnly end) => new(AllDays, start, end);

    /// <summary>The wall-clock time at which the window opens.</summary>
    public TimeOnly Start { get; }

    /// <summary>The wall-clock time at which the window closes.</summary>
    public TimeOnly End { get; }

    /// <summary>Whether the window closes on the day after it opens.</summary>
    public bool CrossesMidnight => End <= Start;

    /// <summary>Whether the window opens every day of the week.</summary>
    public bool IsDaily => _dayMask == AllDays;

    /// <summary>The days the window opens on, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> Days =>
        [.. MondayFirst.Where(OpensOn)];

    private static readonly DayOfWeek[] MondayFirst =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    /// <summary>Whether the window opens on this day of the week.</summary>
    public bool OpensOn(DayOfWeek day) => (_dayMask & (1 << (int)day)) != 0;

    /// <summary>
    /// Finds the opening of this window that contains a wall-clock time, and says on which date it
    /// opened: a curfew that opened on Monday 22:00 still holds on Tuesday 03:00 as Monday's window.
    /// </summary>
    /// <param name="localTime">The site's wall-clock time.</param>
    /// <param name="openedOn">The date on which the containing opening started.</param>
    /// <returns>Whether the window is open at that time.</returns>
    public bool TryFindOpening(DateTime localTime, out DateOnly openedOn)
    {
        var date = DateOnly.FromDateTime(localTime);
        var time = TimeOnly.FromDateTime(localTime);

        if (time >= Start && (CrossesMidnight || time < End) && OpensOn(date.DayOfWeek))
        {
            openedOn = date;
            return true;
        }

        // The tail, after midnight, of a window that opened the day before.
        var previous = date.AddDays(-1);
        if (CrossesMidnight && time < End && OpensOn(previous.DayOfWeek))
        {
            openedOn = previous;
            return true;
        }

        openedOn = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(WeeklyWindow? other) =>
        other is not null && _dayMask == other._dayMask && Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WeeklyWindow);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_dayMask, Start, End);

    /// <inheritdoc />
    public override string ToString() =>
        $"{(IsDaily ? "daily" : string.Join(",", Days.Select(d => d.ToString()[..3])))} {Start:HH\\:mm}-{End:HH\\:mm}";
}
