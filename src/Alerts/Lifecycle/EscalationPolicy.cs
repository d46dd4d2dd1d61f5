namespace CommandCenter.Alerts.Lifecycle;

/// <summary>
/// How long an alert may wait unacknowledged before it escalates (the wall marks it and the commander is
/// told): the more urgent the alert, the shorter the wait.
/// </summary>
public sealed class EscalationPolicy
{
    /// <summary>The waits used where a site has configured none.</summary>
    public static IReadOnlyDictionary<AlertSeverity, TimeSpan> Defaults { get; } = new Dictionary<AlertSeverity, TimeSpan>
    {
        [AlertSeverity.Critical] = TimeSpan.FromMinutes(2),
        [AlertSeverity.Major] = TimeSpan.FromMinutes(5),
        [AlertSeverity.Minor] = TimeSpan.FromMinutes(30),
        [AlertSeverity.Warning] = TimeSpan.FromHours(2),
    };

    private readonly Dictionary<AlertSeverity, TimeSpan> _waits;

    /// <summary>Creates a policy from the site's overrides; severities not named keep their default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A wait is not positive.</exception>
    public EscalationPolicy(IReadOnlyDictionary<AlertSeverity, TimeSpan>? overrides = null)
    {
        _waits = new Dictionary<AlertSeverity, TimeSpan>(Defaults);
        foreach (var (severity, wait) in overrides ?? new Dictionary<AlertSeverity, TimeSpan>())
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(overrides));
            _waits[severity] = wait;
        }
    }

    /// <summary>How long an alert of this severity may stay unacknowledged.</summary>
    public TimeSpan WaitFor(AlertSeverity severity) => _waits[severity];

    /// <summary>When an alert raised at <paramref name="raisedAt"/> escalates if nobody acknowledges it.</summary>
    public DateTimeOffset DueAt(AlertSeverity severity, DateTimeOffset raisedAt) => raisedAt + _waits[severity];
}
