namespace CommandCenter.Supervision;

/// <summary>A subject's check-in schedule (null when none is set) and their latest check-ins, newest first.</summary>
public record CheckInHistory(CheckInSchedule? Schedule, IReadOnlyList<CheckIn> Recent);
