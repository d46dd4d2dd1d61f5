using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.DemoView;

/// <summary>An alert's handling told without identities: what happened, how urgent, which squad, and how long each step took.</summary>
public record DemoReplay(AlertRule Rule, AlertSeverity Severity, AlertState State, string SquadName, IReadOnlyList<DemoReplayStep> Steps);
