namespace CommandCenter.Subjects.Tracks;

/// <summary>Whether a day's track may be shown.</summary>
public enum TrackOutcome
{
    Shown,
    /// <summary>No such subject, or one of another squad.</summary>
    NotFound,
    /// <summary>No approved positioning order was in force that day: the law allows no use of the location data.</summary>
    NoOrderInForce,
    /// <summary>The day has not happened yet.</summary>
    FutureDay,
}
