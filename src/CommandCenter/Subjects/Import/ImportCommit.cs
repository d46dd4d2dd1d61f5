namespace CommandCenter.Subjects.Import;

/// <summary>How a commit ended: everyone stored (<see cref="Imported"/>), or nobody and the problems that stopped it.</summary>
public sealed record ImportCommit(int Imported, IReadOnlyList<ImportProblem> Problems);
