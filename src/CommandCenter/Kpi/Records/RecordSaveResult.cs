namespace CommandCenter.Kpi.Records;

/// <summary>What became of a save: stored (with its id), refused with errors by field, or not found.</summary>
public sealed record RecordSaveResult(int Id, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false)
{
    public bool Saved => !NotFound && Errors.Count == 0;
}
