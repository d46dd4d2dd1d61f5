namespace CommandCenter.Alerts.Patterns;

/// <summary>Two people's distance at one moment: a fix of one and the other's fix nearest to it in time.</summary>
/// <param name="At">When the sample was taken (the time of the fix it is anchored on).</param>
/// <param name="DistanceMetres">The distance between the two fixes.</param>
public readonly record struct ProximitySample(DateTimeOffset At, double DistanceMetres);
