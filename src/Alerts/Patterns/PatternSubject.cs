namespace CommandCenter.Alerts.Patterns;

/// <summary>A person a pattern is judged for: who, the squad that answers for them, and the case number screens show.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="SquadId">Their squad.</param>
/// <param name="Code">Their case number, never their name.</param>
public sealed record PatternSubject(long SubjectId, int SquadId, string Code);
