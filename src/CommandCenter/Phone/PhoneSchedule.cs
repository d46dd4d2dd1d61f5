namespace CommandCenter.Phone;

/// <summary>The subject's schedule: check-ins (first due, every N days, by a time of day, the next deadline) and their leave permits not yet ended.</summary>
public record PhoneSchedule(DateOnly? CheckInFirstDue, int? CheckInIntervalDays, TimeOnly? CheckInDueBy, DateTimeOffset? CheckInNextDue, IReadOnlyList<PhoneLeave> Leaves);
