namespace CommandCenter.Alerts.Tracking;

/// <summary>A subject's newest fix as the engine remembers it.</summary>
/// <param name="At">When the fix was taken.</param>
/// <param name="Longitude">WGS-84 longitude.</param>
/// <param name="Latitude">WGS-84 latitude.</param>
/// <param name="AccuracyMetres">Horizontal accuracy in metres, if reported.</param>
public readonly record struct LastFix(DateTimeOffset At, double Longitude, double Latitude, double? AccuracyMetres);
