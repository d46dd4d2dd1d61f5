namespace CommandCenter.Fences;

/// <summary>One weekly window as the API exchanges it: times as HH:mm, an end before the start runs past midnight.</summary>
public record WeeklyWindowFields(List<DayOfWeek>? Days, string? Start, string? End);
