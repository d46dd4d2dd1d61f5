namespace CommandCenter.Alerts.Patterns;

/// <summary>The judgement of two people's samples, and since when they have been together (for <see cref="ProximityVerdictKind.Close"/> and <see cref="ProximityVerdictKind.Meeting"/>).</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Since">The first sample of the unbroken stretch together that reaches now.</param>
public sealed record ProximityVerdict(ProximityVerdictKind Kind, DateTimeOffset? Since = null);
