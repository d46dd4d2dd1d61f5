namespace CommandCenter.Alerts.Lifecycle;

/// <summary>
/// The severity each rule raises at. The defaults put the few violations that need a squad above the
/// many device and signal problems, which real platforms see most of.
/// </summary>
public class SeverityPolicy
{
    /// <summary>The severities used where a site has configured none.</summary>
    public static IReadOnlyDictionary<AlertRule, AlertSeverity> Defaults { get; } = new Dictionary<AlertRule, AlertSeverity>
    {
        [AlertRule.ZoneExit] = AlertSeverity.Critical,
        [AlertRule.ZoneEntry] = AlertSeverity.Critical,
        [AlertRule.Tamper] = AlertSeverity.Critical,
        [AlertRule.Curfew] = AlertSeverity.Major,
        [AlertRule.Offline] = AlertSeverity.Major,
        [AlertRule.PowerOff] = AlertSeverity.Major,
        [AlertRule.LeaveOverdue] = AlertSeverity.Major,
        [AlertRule.MissedCheckIn] = AlertSeverity.Minor,
        [AlertRule.SpotCheckFailed] = AlertSeverity.Major,
        // Like a failed spot check: the person did not show themselves when told to, seen by an officer.
        [AlertRule.RollCallMissed] = AlertSeverity.Major,
        [AlertRule.OrderExpiry] = AlertSeverity.Minor,
        [AlertRule.LowBattery] = AlertSeverity.Warning,
        [AlertRule.NightActivity] = AlertSeverity.Minor,
        [AlertRule.CoDefendantMeeting] = AlertSeverity.Minor,

        // Coming within the moving zone around a victim breaches the protective order like entering a banned place;
        // the early warning only says the distance is closing (often by chance, in a county town), so it is minor.
        [AlertRule.ProtectedPersonBreach] = AlertSeverity.Critical,
        [AlertRule.ProtectedPersonNear] = AlertSeverity.Minor,
    };

    private readonly Dictionary<AlertRule, AlertSeverity> severities;

    /// <summary>Creates a policy from the site's overrides; rules not named keep their default.</summary>
    public SeverityPolicy(IReadOnlyDictionary<AlertRule, AlertSeverity>? overrides = null)
    {
        severities = new Dictionary<AlertRule, AlertSeverity>(Defaults);
        foreach (var (rule, severity) in overrides ?? new Dictionary<AlertRule, AlertSeverity>())
        {
            severities[rule] = severity;
        }
    }

    /// <summary>The severity an alert under this rule is raised at.</summary>
    public AlertSeverity For(AlertRule rule) => severities[rule];
}
