namespace CommandCenter.Subjects.Import;

/// <summary>A preview as the API answers it: how many rows, whether it can be committed, every bad cell, and the rows as read.</summary>
public sealed record ImportPreviewResponse(int Rows, bool CanCommit, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportedPerson> People)
{
    public static ImportPreviewResponse Of(ImportPreview preview) =>
        new(preview.People.Count, preview.CanCommit, preview.Problems, preview.People);
}
