namespace CommandCenter.Ingest;

/// <summary>One request's accepted fixes; the request waits on <see cref="Completion"/> until they are committed.</summary>
public sealed class FixBatchWork(IReadOnlyList<AcceptedFix> fixes) : IngestWork
{
    public IReadOnlyList<AcceptedFix> Fixes { get; } = fixes;

    public TaskCompletionSource<BatchReceipt> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
