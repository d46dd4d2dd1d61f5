using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Hosting.Tuning;
using CommandCenter.Subjects;

namespace CommandCenter.AlertLog;

/// <summary>The rules' settings a county tunes on the settings page: debounce, offline thresholds, battery, severities, escalation.</summary>
public static class AlertTuning
{
    public static IReadOnlyList<TunableField> Fields { get; } =
    [
        TunableField.Of(Key(nameof(AlertOptions.ConfirmationFixes)), TunableKind.Whole, "Debounce", "Settings.Field.ConfirmationFixes"),
        TunableField.Of(Key(nameof(AlertOptions.DwellTime)), TunableKind.Duration, "Debounce", "Settings.Field.DwellTime"),
        .. Enum.GetValues<TrackerKind>().Select(kind =>
            TunableField.Of(Key($"{nameof(AlertOptions.OfflineAfter)}:{kind}"), TunableKind.Duration, "Offline", "Settings.Field.OfflineAfter", $"Settings.Tracker.{kind}")),
        .. Enum.GetValues<TrackerKind>().SelectMany(_ => Enum.GetValues<RiskLevel>(), (kind, risk) =>
            TunableField.Of(Key($"{nameof(AlertOptions.OfflineAfterByRisk)}:{kind}:{risk}"), TunableKind.Duration, "Offline", "Settings.Field.OfflineAfterByRisk", $"Settings.Tracker.{kind}", $"RiskLevel.{risk}")),
        TunableField.Of(Key(nameof(AlertOptions.LowBatteryPercent)), TunableKind.Whole, "Battery", "Settings.Field.LowBatteryPercent"),
        TunableField.Of(Key(nameof(AlertOptions.BatteryRecoveredPercent)), TunableKind.Whole, "Battery", "Settings.Field.BatteryRecoveredPercent"),
        TunableField.Of(Key(nameof(AlertOptions.ProtectedExclusionMetres)), TunableKind.Whole, "Protected", "Settings.Field.ProtectedExclusionMetres"),
        TunableField.Of(Key(nameof(AlertOptions.ProtectedWarningMetres)), TunableKind.Whole, "Protected", "Settings.Field.ProtectedWarningMetres"),
        TunableField.Of(Key(nameof(AlertOptions.ProtectedPositionMaxAge)), TunableKind.Duration, "Protected", "Settings.Field.ProtectedPositionMaxAge"),
        .. Enum.GetValues<AlertRule>().Select(rule =>
            TunableField.OneOf<AlertSeverity>(Key($"{nameof(AlertOptions.Severities)}:{rule}"), "Severity", "Settings.Field.Severity", $"Rule.{rule}")),
        .. Enum.GetValues<AlertSeverity>().Select(severity =>
            TunableField.Of(Key($"{nameof(AlertOptions.EscalateAfter)}:{severity}"), TunableKind.Duration, "Escalation", "Settings.Field.EscalateAfter", $"Severity.{severity}")),
    ];

    private static string Key(string field) => $"{AlertOptions.Section}:{field}";
}
