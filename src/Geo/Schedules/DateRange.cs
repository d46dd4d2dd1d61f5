namespace CommandCenter.Geo.Schedules;

/// <summary>
/// An inclusive range of calendar dates on the site's wall clock (e.g. the term of a prohibition order).
/// </summary>
public readonly record struct DateRange
{
    /// <summary>Creates the range [<paramref name="from"/>, <paramref name="to"/>], both days included.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public DateRange(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"A date range cannot end ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>The first day of the range.</summary>
    public DateOnly From { get; }

    /// <summary>The last day of the range (included).</summary>
    public DateOnly To { get; }

    /// <summary>Whether the day lies in the range.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <inheritdoc />
    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
