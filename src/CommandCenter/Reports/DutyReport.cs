namespace CommandCenter.Reports;

/// <summary>
/// The daily duty report (值班日报) of one day of the site's calendar, handed over at the day's end
/// (<see cref="HandOverAt"/>): the alerts raised that day and how each was handled, what was still open at
/// hand-over, the check-ins due, the leave permits out and the positioning orders about to end. Limited to
/// one squad (<see cref="SquadName"/>) for a squad leader.
/// </summary>
public sealed record DutyReport(
    DateOnly Date,
    DateTimeOffset HandOverAt,
    DateTimeOffset GeneratedAt,
    string? SquadName,
    IReadOnlyList<AlertRow> Raised,
    IReadOnlyList<KindCount> ByKind,
    IReadOnlyList<SquadCount> BySquad,
    HandlingSummary Handling,
    IReadOnlyList<OpenAlert> OpenAtHandOver,
    IReadOnlyList<CheckInDue> CheckIns,
    IReadOnlyList<PermitOut> Permits,
    IReadOnlyList<OrderExpiring> OrdersExpiring,
    int ExpiringWithinDays);
