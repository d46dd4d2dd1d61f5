using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Rules;

/// <summary>签到逾期 and 电子定位到期: rules driven by the calendar rather than by fixes.</summary>
internal static class CalendarRules
{
    private static readonly RuleKey MissedCheckIn = new(AlertRule.MissedCheckIn, null);
    private static readonly RuleKey OrderExpiry = new(AlertRule.OrderExpiry, null);

    /// <summary>After each deadline: was there a check-in since the one before?</summary>
    public static void ReviewCheckIns(EngineTransaction tx, SubjectState state)
    {
        if (state.CheckIns is not { } cadence || (state.CheckInReviewAt is { } reviewAt && tx.Now < reviewAt))
        {
            return;
        }

        var zone = tx.TimeZone;
        var staged = tx.Stage(state.Facts.SubjectId);
        var number = cadence.LatestDeadlineNumber(tx.Now, zone);
        staged.CheckInReviewAt = cadence.Deadline(number + 1, zone);
        if (number < 0)
        {
            return;
        }

        var deadline = cadence.Deadline(number, zone);
        var periodStart = number > 0 ? cadence.Deadline(number - 1, zone) : DateTimeOffset.MinValue;
        var satisfied = staged.LastCheckIn is { } checkedIn && checkedIn > periodStart;
        if (satisfied || staged.MissedDeadlineAlerted >= deadline)
        {
            return;
        }

        staged.MissedDeadlineAlerted = deadline;
        staged.Active.Add(MissedCheckIn);
        tx.Raise(staged, MissedCheckIn, null, AlertDetail.MissedCheckIn(TimeZoneInfo.ConvertTime(deadline, zone)));
    }

    /// <summary>A check-in ends a missed-check-in condition.</summary>
    public static void OnCheckIn(EngineTransaction tx, SubjectState state, DateTimeOffset at)
    {
        if (state.LastCheckIn is null || at > state.LastCheckIn)
        {
            state.LastCheckIn = at;
        }

        state.CheckInReviewAt = null;
        if (state.Active.Remove(MissedCheckIn))
        {
            tx.Clear(state, MissedCheckIn, -1);
        }
    }

    /// <summary>Reminds at each configured number of days before the order in force ends; an extension ends the reminder.</summary>
    public static void ReviewOrder(EngineTransaction tx, SubjectState state, DateOnly today)
    {
        if (state.Facts.Order is not { } order || !order.IsInForceOn(today))
        {
            return;
        }

        var daysLeft = order.End.DayNumber - today.DayNumber;
        var milestone = Milestone(tx.Options.OrderExpiryReminderDays, daysLeft);
        if (milestone is null)
        {
            if (state.Active.Contains(OrderExpiry) && state.OrderReminder?.End != order.End)
            {
                var extended = tx.Stage(state.Facts.SubjectId);
                extended.Active.Remove(OrderExpiry);
                tx.Clear(extended, OrderExpiry, -1);
            }

            return;
        }

        if (state.OrderReminder is { } reminded && reminded.End == order.End && reminded.DaysBefore <= milestone)
        {
            return;
        }

        var staged = tx.Stage(state.Facts.SubjectId);
        staged.OrderReminder = new OrderReminder(order.End, milestone.Value);
        staged.Active.Add(OrderExpiry);
        tx.Raise(staged, OrderExpiry, null, AlertDetail.OrderEnds(order.End, daysLeft));
    }

    /// <summary>The reminder (days before the end) that applies with this many days left, if any.</summary>
    public static int? Milestone(IReadOnlyList<int> reminderDays, int daysLeft)
    {
        int? milestone = null;
        foreach (var days in reminderDays)
        {
            if (daysLeft <= days && (milestone is null || days < milestone))
            {
                milestone = days;
            }
        }

        return milestone;
    }
}
