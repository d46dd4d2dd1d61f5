namespace CommandCenter.Subjects.Tracks;

/// <summary>A day's track, or why it may not be shown; truncated when the day had more fixes than a replay loads.</summary>
public sealed record TrackResult(TrackOutcome Outcome, DateOnly Day, IReadOnlyList<TrackPoint> Points, bool Truncated = false)
{
    public static TrackResult Refused(TrackOutcome outcome, DateOnly day) => new(outcome, day, []);
}
