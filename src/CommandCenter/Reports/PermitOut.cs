namespace CommandCenter.Reports;

/// <summary>A leave permit in force for some part of the day: the person may be away, to this destination.</summary>
public sealed record PermitOut(long Id, string SubjectCode, string SquadName, string Destination, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string ApprovedBy);
