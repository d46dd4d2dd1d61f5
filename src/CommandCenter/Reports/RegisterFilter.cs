using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Reports;

/// <summary>
/// Which alerts the register lists: those raised from <see cref="From"/> to <see cref="To"/> (site calendar days,
/// both included), of one kind, one squad (its own area's or sent to it), one severity, one state; null is any.
/// </summary>
public sealed record RegisterFilter(DateOnly From, DateOnly To, AlertRule? Rule = null, int? SquadId = null, AlertSeverity? Severity = null, AlertState? State = null)
{
    /// <summary>The longest period one register covers: a year, which a leap year makes 366 days.</summary>
    public const int MaxDays = 366;

    /// <summary>The query string that selects the same alerts (the page's link and the export's).</summary>
    public string ToQuery() => string.Join('&', new[]
    {
        $"from={From:yyyy-MM-dd}", $"to={To:yyyy-MM-dd}",
        Rule is { } rule ? $"rule={rule}" : null,
        SquadId is { } squad ? $"squad={squad}" : null,
        Severity is { } severity ? $"severity={severity}" : null,
        State is { } state ? $"state={state}" : null,
    }.Where(p => p is not null));
}
