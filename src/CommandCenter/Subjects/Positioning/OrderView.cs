namespace CommandCenter.Subjects.Positioning;

/// <summary>An order as the screens and the API show it, with what today makes of it.</summary>
public sealed record OrderView(
    int Id,
    PositioningReason Reason,
    PositioningOrderStatus Status,
    DateOnly StartDate,
    DateOnly EndDate,
    DateOnly LastDay,
    int? ExtendsOrderId,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? RequestNote,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    DateOnly? EndedEarlyOn,
    string? EndedEarlyBy,
    string? EndedEarlyReason,
    bool InForceToday,
    bool EndsSoon,
    bool MayBeExtended)
{
    public static List<OrderView> Of(IReadOnlyList<PositioningOrder> orders, DateOnly today, int warningDays) =>
        [.. orders.OrderByDescending(o => o.StartDate).ThenByDescending(o => o.Id).Select(o => new OrderView(
            o.Id, o.Reason, o.Status, o.StartDate, o.EndDate, PositioningRules.LastDay(o), o.ExtendsOrderId,
            o.RequestedBy, o.RequestedAt, o.RequestNote, o.DecidedBy, o.DecidedAt, o.DecisionNote,
            o.EndedEarlyOn, o.EndedEarlyBy, o.EndedEarlyReason,
            o.IsInForceOn(today),
            PositioningRules.EndsSoon(o, today, warningDays, orders),
            o.Status == PositioningOrderStatus.Approved && o.EndedEarlyOn is null && o.EndDate >= today
                && !orders.Any(other => other.Id != o.Id && PositioningRules.Claims(other, PositioningRules.ExtensionStart(o), PositioningRules.ExtensionStart(o)))))];
}
