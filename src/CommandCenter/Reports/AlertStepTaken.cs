using CommandCenter.AlertLog;

namespace CommandCenter.Reports;

/// <summary>A step of an alert's handling: which, when, and by whom (a user name, or "system").</summary>
public sealed record AlertStepTaken(AlertEventKind Kind, DateTimeOffset At, string Actor);
