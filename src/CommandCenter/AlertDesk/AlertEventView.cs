namespace CommandCenter.AlertDesk;

/// <summary>One step of an alert's history, as the desk shows it.</summary>
public record AlertEventView(AlertEventKind Kind, DateTimeOffset At, string Actor, string? Note, int? SquadId);
