namespace CommandCenter.RollCalls;

/// <summary>One person called, shown by case number (screens show no names), and their mark.</summary>
public record RollCallAttendeeView(long Id, int SubjectId, string SubjectCode, int SquadId, RollCallMark? Mark, string? Note, string? MarkedBy, DateTimeOffset? MarkedAt);
