namespace CommandCenter.Ingest;

/// <summary>A subject's check-ins, check-in schedule or leave permits changed: the rules must read them again.</summary>
public sealed class SupervisionChangedWork(int subjectId) : IngestWork
{
    public int SubjectId { get; } = subjectId;
}
