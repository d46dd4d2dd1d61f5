namespace CommandCenter.Alerts.Rules;

/// <summary>The engine's settings; the defaults follow the and the field's usual practice.</summary>
public sealed class AlertEngineOptions
{
    /// <summary>Fixes beyond a fence that confirm a crossing (a fence marked immediate needs one).</summary>
    public int ConfirmationFixes { get; init; } = 2;

    /// <summary>Time beyond a fence that confirms a crossing even without more fixes.</summary>
    public TimeSpan DwellTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The silences after which 离线 is raised.</summary>
    public OfflineThresholds Offline { get; init; } = new();

    /// <summary>At or below this charge (and not charging) 低电量 is raised.</summary>
    public int LowBatteryPercent { get; init; } = 20;

    /// <summary>At or above this charge a low battery counts as recovered (above the alarm level, against flapping).</summary>
    public int BatteryRecoveredPercent { get; init; } = 30;

    /// <summary>How many days before an electronic-positioning order ends a reminder is raised.</summary>
    public IReadOnlyList<int> OrderExpiryReminderDays { get; init; } = [7, 1];

    /// <summary>A position (the subject's or a protected person's) older than this says nothing about the distance between them.</summary>
    public TimeSpan ProtectedPositionMaxAge { get; init; } = TimeSpan.FromMinutes(15);
}
