namespace CommandCenter.Reports;

/// <summary>A check-in deadline that fell on the day: whose, when, and whether it was met.</summary>
public sealed record CheckInDue(string SubjectCode, string SquadName, DateTimeOffset Deadline, DateTimeOffset? CheckedInAt, CheckInOutcome Outcome);
