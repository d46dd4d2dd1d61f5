using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.DemoView;

/// <summary>An alert as visitors may see it: what kind, how urgent, which squad, roughly where. No person, no exact place.</summary>
public record DemoAlert(AlertRule Rule, AlertSeverity Severity, AlertState State, string SquadName, DateTimeOffset RaisedAt, double CellLatitude, double CellLongitude);
