namespace CommandCenter.Alerts.Rules;

/// <summary>The last order-expiry reminder raised: for which end date, and how many days before it.</summary>
internal readonly record struct OrderReminder(DateOnly End, int DaysBefore);
