namespace CommandCenter.Alerts.Patterns;

/// <summary>What counts as two people meeting: how close, for how long, and how far apart in time samples may lie and still count as one stretch.</summary>
public sealed record ProximityThresholds
{
    /// <summary>Within this distance the two are together.</summary>
    public double WithinMetres { get; init; } = 200;

    /// <summary>Together without a break for at least this long is a meeting.</summary>
    public TimeSpan Sustained { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A silence longer than this breaks a stretch, and a last sample older than this says nothing about now: without
    /// fixes there is no knowing whether the two stayed together.
    /// </summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromMinutes(3);
}
