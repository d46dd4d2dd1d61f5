namespace CommandCenter.Alerts.Patterns;

/// <summary>Two people linked as co-defendants and their recent distances.</summary>
/// <param name="First">One of the two.</param>
/// <param name="Second">The other.</param>
/// <param name="Samples">Their distances over the recent minutes.</param>
public sealed record CoDefendantPair(PatternSubject First, PatternSubject Second, IReadOnlyList<ProximitySample> Samples);
