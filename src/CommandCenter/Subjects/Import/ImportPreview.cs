namespace CommandCenter.Subjects.Import;

/// <summary>What an import would store, and every bad cell; it can be committed only when <see cref="Problems"/> is empty.</summary>
public sealed record ImportPreview(IReadOnlyList<ImportedPerson> People, IReadOnlyList<ImportProblem> Problems)
{
    public bool CanCommit => Problems.Count == 0 && People.Count > 0;
}
