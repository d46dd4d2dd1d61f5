namespace CommandCenter.Geo.Fences;

/// <summary>
/// The facts about a subject (矫正对象) that decide which fences apply to them.
/// </summary>
/// <param name="SubjectId">The subject's id.</param>
/// <param name="SquadId">The squad (中队) that supervises the subject.</param>
/// <param name="RiskLevel">The subject's risk level, as the site codes it.</param>
public readonly record struct FenceSubject(long SubjectId, int SquadId, int RiskLevel);
