using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Reports;

/// <summary>How many alerts of one kind were raised, and how many of them were critical.</summary>
public sealed record KindCount(AlertRule Rule, int Count, int Critical);
