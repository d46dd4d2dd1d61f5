namespace CommandCenter.Alerts.Rules;

/// <summary>A crossing seen but not yet confirmed: since when, and on how many positions.</summary>
internal readonly record struct PendingBreach(DateTimeOffset Since, int Fixes);
