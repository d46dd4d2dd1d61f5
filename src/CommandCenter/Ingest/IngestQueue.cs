using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CommandCenter.Ingest;

/// <summary>
/// The bounded queue between the HTTP requests and the <see cref="IngestPipeline"/>. It is bounded in
/// fixes, not requests (one request may carry a thousand): a request that would overfill it is refused
/// at once with 503, so a burst slows senders down instead of growing memory. While the database is
/// known to be down, fix batches are refused without being queued.
/// </summary>
public class IngestQueue
{
    private readonly Channel<IngestWork> channel;
    private readonly int capacity;
    private int queuedFixes;
    private volatile IngestState state = IngestState.Starting;

    public IngestQueue(IOptions<IngestOptions> options)
    {
        capacity = options.Value.QueueCapacity;

        // Bounded in requests as well, as a backstop: every request carries at least one fix.
        channel = Channel.CreateBounded<IngestWork>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<IngestWork> Reader => channel.Reader;

    public IngestState State
    {
        get => state;
        set => state = value;
    }

    /// <summary>Fixes queued and not yet written.</summary>
    public int QueuedFixes => Volatile.Read(ref queuedFixes);

    /// <summary>Queues a request's fixes, or says why not (the queue is full or the database is down).</summary>
    public bool TryEnqueue(FixBatchWork work, out string? refusal)
    {
        if (state == IngestState.DatabaseUnavailable)
        {
            refusal = "The database is not answering; nothing was stored. Retry later.";
            return false;
        }

        var count = work.Fixes.Count;
        if (Interlocked.Add(ref queuedFixes, count) > capacity)
        {
            Interlocked.Add(ref queuedFixes, -count);
            refusal = $"The ingest queue is full ({capacity} fixes waiting); nothing was stored. Retry later.";
            return false;
        }

        if (!channel.Writer.TryWrite(work))
        {
            Interlocked.Add(ref queuedFixes, -count);
            refusal = "The ingest queue is full; nothing was stored. Retry later.";
            return false;
        }

        refusal = null;
        return true;
    }

    /// <summary>Queues work that is not a device's (a check-in was recorded); it waits for room rather than failing.</summary>
    public ValueTask PostAsync(IngestWork work, CancellationToken cancellationToken = default) => channel.Writer.WriteAsync(work, cancellationToken);

    /// <summary>Called by the pipeline once a request's fixes have left the queue.</summary>
    internal void Dequeued(FixBatchWork work) => Interlocked.Add(ref queuedFixes, -work.Fixes.Count);
}
