namespace CommandCenter.Reports;

/// <summary>How many alerts a squad answered for (by the squad of the subject when raised), and how many were handled in time.</summary>
public sealed record SquadCount(int SquadId, string SquadName, int Count, int InTime, int Late);
