namespace CommandCenter.Subjects.CoDefendants;

/// <summary>A subject that may be picked as a co-defendant, by case number.</summary>
public sealed record CoDefendantCandidate(int Id, string Code);
