namespace CommandCenter.Subjects.Positioning;

/// <summary>
/// The legal limits on electronic positioning (Community Corrections Law art. 29 and its implementing rules),
/// as pure decisions over a subject and their orders: only five grounds; the bureau head decides; at most
/// three months at a time; an extension of at most three months only after a reassessment, running on from
/// the day after the order it extends; lifted as soon as it is no longer needed; never two at once.
/// </summary>
public static class PositioningRules
{
    public const int MaxMonths = 3;

    /// <summary>A reassessment or a reason is a sentence, not a tick.</summary>
    public const int MinNoteLength = 4;

    public const int MaxNoteLength = 500;

    /// <summary>The last day an order that starts on <paramref name="start"/> may run: three months less a day.</summary>
    public static DateOnly LatestEnd(DateOnly start) => start.AddMonths(MaxMonths).AddDays(-1);

    /// <summary>The last day the order is (or was) in force, taking an early end into account.</summary>
    public static DateOnly LastDay(PositioningOrder order) => order.EndedEarlyOn ?? order.EndDate;

    /// <summary>Whether the order claims any of the days from <paramref name="start"/> to <paramref name="end"/>; a rejected one claims none.</summary>
    public static bool Claims(PositioningOrder order, DateOnly start, DateOnly end) =>
        order.Status != PositioningOrderStatus.Rejected && order.StartDate <= end && start <= LastDay(order) && order.StartDate <= LastDay(order);

    /// <summary>An officer asks for a new order on one of the five grounds, from today or later.</summary>
    public static List<RuleBreach> CheckRequest(
        Subject subject, PositioningReason? reason, DateOnly? start, DateOnly? end, string? note, DateOnly today, IEnumerable<PositioningOrder> orders)
    {
        var breaches = new List<RuleBreach>();
        if (reason is not { } ground || !Enum.IsDefined(ground))
        {
            breaches.Add(new("reason", "Positioning.Rule.Ground"));
        }

        if (start is { } first && first < today)
        {
            breaches.Add(new("startDate", "Positioning.Rule.StartInPast", Day(today)));
        }

        CheckPeriod(subject, start, end, "startDate", breaches);
        CheckNote("note", note, required: false, breaches);
        if (start is { } from && end is { } to && from <= to)
        {
            CheckOverlap(orders, from, to, exceptId: null, breaches);
        }

        return breaches;
    }

    /// <summary>
    /// An officer asks to extend an approved order before it ends, after reassessing the need: the extension
    /// starts the day after the order ends and runs at most three months.
    /// </summary>
    public static List<RuleBreach> CheckExtension(
        Subject subject, PositioningOrder extended, DateOnly? end, string? reassessment, DateOnly today, IEnumerable<PositioningOrder> orders)
    {
        var breaches = new List<RuleBreach>();
        if (extended.Status != PositioningOrderStatus.Approved || extended.EndedEarlyOn is not null)
        {
            breaches.Add(new("order", "Positioning.Rule.ExtendOnlyApproved"));
            return breaches;
        }

        if (extended.EndDate < today)
        {
            breaches.Add(new("order", "Positioning.Rule.ExtendBeforeEnd", Day(extended.EndDate)));
            return breaches;
        }

        CheckNote("reassessment", reassessment, required: true, breaches);
        var start = ExtensionStart(extended);
        CheckPeriod(subject, start, end, "endDate", breaches);
        if (end is { } to && start <= to)
        {
            CheckOverlap(orders, start, to, exceptId: null, breaches);
        }

        return breaches;
    }

    /// <summary>An extension runs on without a gap from the order it extends.</summary>
    public static DateOnly ExtensionStart(PositioningOrder extended) => extended.EndDate.AddDays(1);

    /// <summary>
    /// The bureau head approves a request; somebody else must have made it. A request decided late takes effect
    /// on the day of approval, never retroactively: location data of days before the approval stays unauthorised.
    /// </summary>
    public static (DateOnly Start, List<RuleBreach> Breaches) CheckApproval(
        PositioningOrder order, string approver, DateOnly today, IEnumerable<PositioningOrder> orders)
    {
        var breaches = new List<RuleBreach>();
        var start = order.StartDate < today ? today : order.StartDate;
        if (order.Status != PositioningOrderStatus.Requested)
        {
            breaches.Add(new("order", "Positioning.Rule.NotAwaitingDecision"));
            return (start, breaches);
        }

        if (string.Equals(order.RequestedBy, approver, StringComparison.OrdinalIgnoreCase))
        {
            breaches.Add(new("order", "Positioning.Rule.OwnRequest"));
        }

        if (order.EndDate < start)
        {
            breaches.Add(new("order", "Positioning.Rule.RequestLapsed", Day(order.EndDate)));
            return (start, breaches);
        }

        CheckOverlap(orders, start, order.EndDate, order.Id, breaches);
        return (start, breaches);
    }

    public static List<RuleBreach> CheckRejection(PositioningOrder order, string? note)
    {
        var breaches = new List<RuleBreach>();
        if (order.Status != PositioningOrderStatus.Requested)
        {
            breaches.Add(new("order", "Positioning.Rule.NotAwaitingDecision"));
        }

        CheckNote("note", note, required: true, breaches);
        return breaches;
    }

    /// <summary>
    /// An order is lifted as soon as it is no longer needed, with effect from today: its last day becomes
    /// yesterday (or the day before it began), so the person's live location stops being shown at once.
    /// </summary>
    public static (DateOnly LastDay, List<RuleBreach> Breaches) CheckEnd(PositioningOrder order, string? reason, DateOnly today)
    {
        var breaches = new List<RuleBreach>();
        var lastDay = Max(today.AddDays(-1), order.StartDate.AddDays(-1));
        if (order.Status != PositioningOrderStatus.Approved || order.EndedEarlyOn is not null || order.EndDate < today)
        {
            breaches.Add(new("order", "Positioning.Rule.NotRunning"));
        }

        CheckNote("reason", reason, required: true, breaches);
        return (lastDay, breaches);
    }

    /// <summary>
    /// Whether an order in force ends within the warning horizon with nothing approved to follow it: someone
    /// should reassess now, to extend it or let it lapse.
    /// </summary>
    public static bool EndsSoon(PositioningOrder order, DateOnly today, int warningDays, IEnumerable<PositioningOrder> orders) =>
        order.IsInForceOn(today)
        && order.EndedEarlyOn is null
        && order.EndDate <= today.AddDays(warningDays)
        && !orders.Any(o => o.Status == PositioningOrderStatus.Approved && o.StartDate == order.EndDate.AddDays(1));

    private static void CheckPeriod(Subject subject, DateOnly? start, DateOnly? end, string startField, List<RuleBreach> breaches)
    {
        if (subject.Status != SubjectStatus.InCorrection)
        {
            breaches.Add(new("subject", "Positioning.Rule.NotInCorrection"));
        }

        if (start is null)
        {
            breaches.Add(new(startField, "Validation.Required"));
        }

        if (end is null)
        {
            breaches.Add(new("endDate", "Validation.Required"));
        }

        if (start is not { } from || end is not { } to)
        {
            return;
        }

        if (to < from)
        {
            breaches.Add(new("endDate", "Positioning.Rule.EndBeforeStart", Day(from)));
        }
        else if (to > LatestEnd(from))
        {
            breaches.Add(new("endDate", "Positioning.Rule.AtMostThreeMonths", Day(LatestEnd(from))));
        }

        if (to > subject.TermEnd)
        {
            breaches.Add(new("endDate", "Positioning.Rule.BeyondTerm", Day(subject.TermEnd)));
        }
    }

    private static void CheckOverlap(IEnumerable<PositioningOrder> orders, DateOnly start, DateOnly end, int? exceptId, List<RuleBreach> breaches)
    {
        var clash = orders.Where(o => o.Id != exceptId && Claims(o, start, end)).OrderBy(o => o.StartDate).FirstOrDefault();
        if (clash is not null)
        {
            breaches.Add(new("startDate", "Positioning.Rule.Overlap", Day(clash.StartDate), Day(LastDay(clash))));
        }
    }

    private static void CheckNote(string field, string? note, bool required, List<RuleBreach> breaches)
    {
        var length = note?.Trim().Length ?? 0;
        if (length == 0 && !required)
        {
            return;
        }

        if (length < MinNoteLength)
        {
            breaches.Add(new(field, "Positioning.Rule.NoteTooShort", MinNoteLength));
        }
        else if (length > MaxNoteLength)
        {
            breaches.Add(new(field, "Validation.TooLong", MaxNoteLength));
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
