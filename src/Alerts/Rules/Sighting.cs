namespace CommandCenter.Alerts.Rules;

/// <summary>
/// A position weighed against the fences: a fresh fix, or, when a timer looks again, the last known
/// position at the timer's instant.
/// </summary>
/// <param name="Longitude">WGS-84 longitude.</param>
/// <param name="Latitude">WGS-84 latitude.</param>
/// <param name="AccuracyMetres">The fix's accuracy, if reported.</param>
/// <param name="At">The instant at which schedules are read and dwell is measured.</param>
/// <param name="FixTime">The time of the fix the position comes from.</param>
/// <param name="FixIndex">The fix's index in the batch; -1 when a timer looks.</param>
internal readonly record struct Sighting(double Longitude, double Latitude, double? AccuracyMetres, DateTimeOffset At, DateTimeOffset FixTime, int FixIndex)
{
    /// <summary>Whether a timer looks again at a known position, rather than a new fix arriving.</summary>
    public bool ByTimer => FixIndex < 0;
}
