using System.ComponentModel.DataAnnotations;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Alerts.Tracking;
using CommandCenter.Hosting.Tuning;
using CommandCenter.Subjects;

namespace CommandCenter.AlertLog;

/// <summary>The supervision rules' settings (section <c>Alerts</c>): debounce, thresholds, severities and escalation.</summary>
public class AlertOptions : ICheckedOptions
{
    public const string Section = "Alerts";

    /// <summary>Fixes beyond a fence that confirm a crossing.</summary>
    [Range(1, 20)]
    public int ConfirmationFixes { get; set; } = 2;

    /// <summary>Time beyond a fence that confirms a crossing without more fixes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DwellTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>At or below this charge, not charging, 低电量 is raised.</summary>
    [Range(1, 99)]
    public int LowBatteryPercent { get; set; } = 20;

    /// <summary>At or above this charge a low battery counts as recovered.</summary>
    [Range(2, 100)]
    public int BatteryRecoveredPercent { get; set; } = 30;

    /// <summary>Days before an order ends at which to remind; 7 and 1 when not set.</summary>
    public int[]? OrderExpiryReminderDays { get; set; }

    /// <summary>Silence after which 离线 is raised, per device kind.</summary>
    public Dictionary<TrackerKind, TimeSpan> OfflineAfter { get; set; } =
        Enum.GetValues<TrackerKind>().ToDictionary(kind => kind, OfflineThresholds.DefaultFor);

    /// <summary>Overrides per device kind and risk level; the high-risk are watched twice as closely by default.</summary>
    public Dictionary<TrackerKind, Dictionary<RiskLevel, TimeSpan>> OfflineAfterByRisk { get; set; } = new()
    {
        [TrackerKind.Bracelet] = new() { [RiskLevel.High] = TimeSpan.FromMinutes(10) },
        [TrackerKind.Phone] = new() { [RiskLevel.High] = TimeSpan.FromMinutes(30) },
    };

    /// <summary>Severity overrides per rule (critical, major, minor, warning).</summary>
    public Dictionary<AlertRule, AlertSeverity> Severities { get; set; } = new(SeverityPolicy.Defaults);

    /// <summary>How long an alert may stay unacknowledged, per severity, before it escalates.</summary>
    public Dictionary<AlertSeverity, TimeSpan> EscalateAfter { get; set; } = new(EscalationPolicy.Defaults);

    /// <summary>How often unacknowledged alerts are looked at.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan EscalationCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The radius of the moving exclusion zone around a protected person (双向定位), for a link that names none.</summary>
    [Range(10, 20_000)]
    public int ProtectedExclusionMetres { get; set; } = 500;

    /// <summary>The early warning's radius around a protected person, larger than the exclusion's, for a link that names none.</summary>
    [Range(20, 50_000)]
    public int ProtectedWarningMetres { get; set; } = 1_500;

    /// <summary>A position older than this (the subject's or the protected person's) says nothing about the distance between them.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "06:00:00")]
    public TimeSpan ProtectedPositionMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Checks what the attributes cannot: positive durations, a recovery level above the alarm level, reminder days in range.</summary>
    public IEnumerable<OptionsProblem> Problems()
    {
        if (BatteryRecoveredPercent <= LowBatteryPercent)
        {
            yield return new OptionsProblem(nameof(BatteryRecoveredPercent), $"BatteryRecoveredPercent ({BatteryRecoveredPercent}) must be above LowBatteryPercent ({LowBatteryPercent}).");
        }

        foreach (var (kind, after) in OfflineAfter.Where(e => e.Value <= TimeSpan.Zero))
        {
            yield return new OptionsProblem($"{nameof(OfflineAfter)}:{kind}", $"The offline threshold must be positive, not {after}.");
        }

        foreach (var (kind, byRisk) in OfflineAfterByRisk)
        {
            foreach (var (risk, after) in byRisk.Where(e => e.Value <= TimeSpan.Zero))
            {
                yield return new OptionsProblem($"{nameof(OfflineAfterByRisk)}:{kind}:{risk}", $"The offline threshold must be positive, not {after}.");
            }
        }

        foreach (var (severity, after) in EscalateAfter.Where(e => e.Value <= TimeSpan.Zero))
        {
            yield return new OptionsProblem($"{nameof(EscalateAfter)}:{severity}", $"The escalation wait must be positive, not {after}.");
        }

        if (ProtectedWarningMetres <= ProtectedExclusionMetres)
        {
            yield return new OptionsProblem(nameof(ProtectedWarningMetres), $"ProtectedWarningMetres ({ProtectedWarningMetres}) must be above ProtectedExclusionMetres ({ProtectedExclusionMetres}).");
        }

        if ((OrderExpiryReminderDays ?? []).Any(d => d is < 0 or > 90))
        {
            yield return new OptionsProblem(nameof(OrderExpiryReminderDays), "Reminder days must be 0 to 90.");
        }
    }

    public AlertEngineOptions ToEngineOptions() => new()
    {
        ConfirmationFixes = ConfirmationFixes,
        DwellTime = DwellTime,
        LowBatteryPercent = LowBatteryPercent,
        BatteryRecoveredPercent = BatteryRecoveredPercent,
        OrderExpiryReminderDays = OrderExpiryReminderDays is { Length: > 0 } days ? days : [7, 1],
        ProtectedPositionMaxAge = ProtectedPositionMaxAge,
        Offline = new OfflineThresholds(
            OfflineAfter,
            OfflineAfterByRisk.SelectMany(kind => kind.Value, (kind, risk) => (Key: (kind.Key, (int)risk.Key), risk.Value))
                .ToDictionary(x => x.Key, x => x.Value)),
    };

    public SeverityPolicy ToSeverityPolicy() => new(Severities);

    public EscalationPolicy ToEscalationPolicy() => new(EscalateAfter);
}
