namespace CommandCenter.Ingest.Partitions;

/// <summary>
/// Word that another node handed off work to a partition this node owns: set by <see cref="HandOffWakeUps"/>,
/// taken by the pipeline, which then takes the hand-offs in its next batch instead of at its next poll.
/// </summary>
public sealed class HandOffSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource raised = NewSource();

    /// <summary>Completes when the signal is raised (at once if it already is); it is not taken by waiting.</summary>
    public Task Raised
    {
        get
        {
            lock (gate)
            {
                return raised.Task;
            }
        }
    }

    public void Raise()
    {
        lock (gate)
        {
            raised.TrySetResult();
        }
    }

    /// <summary>Takes the signal: whether it was raised since it was last taken.</summary>
    public bool Take()
    {
        lock (gate)
        {
            if (!raised.Task.IsCompleted)
            {
                return false;
            }

            raised = NewSource();
            return true;
        }
    }

    // Continuations run elsewhere: the listener that raises must not run a batch of the pipeline inline.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
