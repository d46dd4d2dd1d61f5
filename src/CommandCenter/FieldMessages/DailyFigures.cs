namespace CommandCenter.FieldMessages;

/// <summary>The duty day's alert figures the summary sends: counts only, nobody named.</summary>
public sealed record DailyFigures(DateOnly Day, int Raised, int Critical, int Escalated, int Dispatched, int Open, int Unacknowledged);
