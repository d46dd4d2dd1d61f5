namespace CommandCenter.Subjects.Registry;

/// <summary>What became of a save: stored (with its id), refused with errors by field, or not found.</summary>
public sealed record SubjectSaveResult(int? Id, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false)
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public bool Saved => Id is not null && Errors.Count == 0;
}
