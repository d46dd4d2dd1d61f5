namespace CommandCenter.Geo.Fences;

/// <summary>
/// Holds the current <see cref="FenceIndex"/> snapshot and swaps in a new one atomically when fences
/// change. Readers take <see cref="Current"/> (a volatile read, no lock) and keep using that snapshot
/// for a whole batch; writers are serialised among themselves so that no change is lost.
/// </summary>
public sealed class FenceIndexHolder
{
    private readonly Lock _writeLock = new();
    private FenceIndex _current;

    /// <summary>Creates a holder with an empty index in the given time zone.</summary>
    public FenceIndexHolder(TimeZoneInfo timeZone)
        : this(FenceIndex.Empty(timeZone))
    {
    }

    /// <summary>Creates a holder with an initial snapshot.</summary>
    public FenceIndexHolder(FenceIndex initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The current snapshot.</summary>
    public FenceIndex Current => Volatile.Read(ref _current);

    /// <summary>Replaces every fence; returns the new snapshot.</summary>
    public FenceIndex ReplaceAll(IEnumerable<FenceDefinition> fences)
    {
        ArgumentNullException.ThrowIfNull(fences);
        lock (_writeLock)
        {
            return Publish(new FenceIndex(fences, Current.TimeZone));
        }
    }

    /// <summary>Adds a fence or replaces the one with the same id; returns the new snapshot.</summary>
    public FenceIndex Upsert(FenceDefinition fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        lock (_writeLock)
        {
            var current = Current;
            return Publish(new FenceIndex(current.Fences.Where(f => f.Id != fence.Id).Append(fence), current.TimeZone));
        }
    }

    /// <summary>Removes the fence with this id, if any; returns the new snapshot.</summary>
    public FenceIndex Remove(int fenceId)
    {
        lock (_writeLock)
        {
            var current = Current;
            return current.TryGet(fenceId, out _)
                ? Publish(new FenceIndex(current.Fences.Where(f => f.Id != fenceId), current.TimeZone))
                : current;
        }
    }

    private FenceIndex Publish(FenceIndex next)
    {
        Interlocked.Exchange(ref _current, next);
        return next;
    }
}
