namespace CommandCenter.Alerts.Patterns;

/// <summary>When a week's movement counts as 昼伏夜出, and how much data the judgement needs before it says anything.</summary>
public sealed record NightActivityThresholds
{
    /// <summary>The days judged: this many whole days ending yesterday (today is not over).</summary>
    public int RecentDays { get; init; } = 7;

    /// <summary>The weeks before them that show the person's own usual rhythm.</summary>
    public int EarlierWeeks { get; init; } = 3;

    /// <summary>The night's share of the recent days' movement at or above which most movement was at night.</summary>
    public double MinNightShare { get; init; } = 0.6;

    /// <summary>How far the recent night share must rise above the earlier weeks' share (0.3 = thirty points).</summary>
    public double MinRise { get; init; } = 0.3;

    /// <summary>Movement below this over the recent days is too little to judge: drift of a device at rest, not a way of life.</summary>
    public double MinRecentMetres { get; init; } = 2000;

    /// <summary>The recent days with any fix needed before judging.</summary>
    public int MinRecentDays { get; init; } = 5;

    /// <summary>The earlier days with any fix needed before judging: without them there is nothing to compare with.</summary>
    public int MinEarlierDays { get; init; } = 10;
}
