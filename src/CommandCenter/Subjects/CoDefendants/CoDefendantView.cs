namespace CommandCenter.Subjects.CoDefendants;

/// <summary>One co-defendant of a subject as their page shows it: the case number, never the name.</summary>
/// <param name="SubjectId">The other subject.</param>
/// <param name="Code">Their case number.</param>
/// <param name="SquadName">Their squad.</param>
/// <param name="LinkedBy">Who recorded the link.</param>
/// <param name="LinkedAt">When.</param>
/// <param name="Visible">Whether the reader may open the other's page (a squad leader sees only their squad's).</param>
public sealed record CoDefendantView(int SubjectId, string Code, string SquadName, string LinkedBy, DateTimeOffset LinkedAt, bool Visible);
