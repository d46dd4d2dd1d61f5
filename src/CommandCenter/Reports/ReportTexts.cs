using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Reports;

/// <summary>The resource key that names an enum value the reports show; the alert's own enums keep the keys the desk uses.</summary>
public static class ReportTexts
{
    public static string KeyOf<TEnum>(TEnum value)
        where TEnum : struct, Enum => value switch
        {
            AlertRule rule => $"Rule.{rule}",
            AlertSeverity severity => $"Severity.{severity}",
            AlertState state => $"State.{state}",
            _ => $"Reports.{typeof(TEnum).Name}.{value}",
        };
}
