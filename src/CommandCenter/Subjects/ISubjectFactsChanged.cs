namespace CommandCenter.Subjects;

/// <summary>
/// Told after a change to who is supervised, in which squad, or under which positioning order has committed. What
/// keeps these facts in memory (the ingest's device directory) reads them again at once: without it, a phone whose
/// order was just approved would be refused until the next periodic refresh, a minute later.
/// </summary>
public interface ISubjectFactsChanged
{
    Task ChangedAsync(CancellationToken cancellationToken);
}
