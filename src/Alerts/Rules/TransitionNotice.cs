namespace CommandCenter.Alerts.Rules;

/// <summary>A pending zone transition started, was confirmed or was cancelled; the wall shows the pending ones.</summary>
/// <param name="Key">The subject, rule and fence.</param>
/// <param name="Change">What happened.</param>
/// <param name="Since">When the first fix beyond the fence was taken.</param>
/// <param name="FixesBeyond">How many fixes beyond the fence have been seen.</param>
public sealed record TransitionNotice(AlertKey Key, TransitionChange Change, DateTimeOffset Since, int FixesBeyond)
{
    /// <summary>The index, in the evaluated batch, of the fix that caused the change; -1 for a timer change.</summary>
    public int FixIndex { get; init; } = -1;
}
