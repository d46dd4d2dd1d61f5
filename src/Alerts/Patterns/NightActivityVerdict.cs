namespace CommandCenter.Alerts.Patterns;

/// <summary>The night-pattern judgement and the shares it rests on.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="RecentNightShare">The night's share of the recent days' movement, 0 to 1.</param>
/// <param name="EarlierNightShare">The night's share of the earlier weeks' movement, 0 to 1.</param>
public sealed record NightActivityVerdict(NightActivityVerdictKind Kind, double RecentNightShare, double EarlierNightShare);
