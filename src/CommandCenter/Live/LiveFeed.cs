using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Live;

/// <summary>
/// Publishes committed changes: alerts at once, positions coalesced into frames. Everything goes both
/// to SignalR clients (the browser map) and to in-process subscribers (Blazor components).
/// Callers must publish only after their transaction has committed.
/// </summary>
public class LiveFeed(IHubContext<WallHub, IWallClient> hub, LiveMetrics metrics, ILogger<LiveFeed> logger)
{
    /// <summary>How many recent alert messages are kept for clients that reconnect.</summary>
    public const int ReplayDepth = 2000;

    private readonly ConcurrentDictionary<int, PositionUpdate> pendingPositions = new();
    private readonly Queue<AlertMessage> recentAlerts = new();
    private readonly Lock recentLock = new();
    private readonly List<Func<AlertMessage, Task>> alertSubscribers = [];
    private readonly Lock subscribersLock = new();
    private long sequence;

    /// <summary>Changes at every start, so a client can tell that the numbering began afresh.</summary>
    public string Epoch { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The number of the latest message; each message gets the next one.</summary>
    public long LastSequence => Interlocked.Read(ref sequence);

    public long NextSequence() => Interlocked.Increment(ref sequence);

    /// <summary>Subscribes to raised and changed alerts; dispose the result to unsubscribe.</summary>
    public IDisposable SubscribeAlerts(Func<AlertMessage, Task> handler)
    {
        lock (subscribersLock)
        {
            alertSubscribers.Add(handler);
        }

        return new Subscription(() =>
        {
            lock (subscribersLock)
            {
                alertSubscribers.Remove(handler);
            }
        });
    }

    public async Task AlertRaisedAsync(AlertMessage alert)
    {
        Remember(alert);
        await Audience(alert.SquadId).alertRaised(alert);
        metrics.Sent(nameof(IWallClient.alertRaised));
        await NotifyAsync(alert);
    }

    public async Task AlertChangedAsync(AlertMessage alert)
    {
        Remember(alert);
        await Audience(alert.SquadId).alertChanged(alert);
        metrics.Sent(nameof(IWallClient.alertChanged));
        await NotifyAsync(alert);
    }

    public async Task TransitionAsync(TransitionMessage transition)
    {
        await Audience(transition.SquadId).transitionPending(transition);
        metrics.Sent(nameof(IWallClient.transitionPending));
    }

    /// <summary>Every map shows the fences, whoever watches it.</summary>
    public async Task FencesChangedAsync()
    {
        await hub.Clients.All.fencesChanged();
        metrics.Sent(nameof(IWallClient.fencesChanged));
    }

    /// <summary>Every wall draws the county, whoever watches it.</summary>
    public async Task MapChangedAsync()
    {
        await hub.Clients.All.mapChanged();
        metrics.Sent(nameof(IWallClient.mapChanged));
    }

    /// <summary>Refused senders concern the hall, not the squads.</summary>
    public async Task DeviceUnknownAsync(UnknownDeviceMessage device)
    {
        await hub.Clients.Group(WallHub.Everything).deviceUnknown(device);
        metrics.Sent(nameof(IWallClient.deviceUnknown));
    }

    /// <summary>
    /// The alert messages numbered after <paramref name="after"/>, for a client that was away. A client of an
    /// earlier start (another epoch), or one whose gap reaches past what is kept, is told to reload instead.
    /// </summary>
    public LiveReplay Replay(long after, string? epoch, int? squad)
    {
        lock (recentLock)
        {
            var oldest = recentAlerts.Count > 0 ? recentAlerts.Peek().Sequence : LastSequence + 1;
            var reset = (epoch is not null && epoch != Epoch) || (recentAlerts.Count == ReplayDepth && after < oldest - 1);
            var missed = reset
                ? []
                : recentAlerts.Where(a => a.Sequence > after && (squad is null || a.SquadId == squad)).OrderBy(a => a.Sequence).ToList();
            return new LiveReplay(Epoch, reset, missed);
        }
    }

    private void Remember(AlertMessage alert)
    {
        lock (recentLock)
        {
            recentAlerts.Enqueue(alert);
            if (recentAlerts.Count > ReplayDepth)
            {
                recentAlerts.Dequeue();
            }
        }
    }

    /// <summary>Everybody who sees all squads, and the leaders of this one.</summary>
    private IWallClient Audience(int squadId) => hub.Clients.Groups(WallHub.Everything, WallHub.SquadGroup(squadId));

    /// <summary>Queues positions for the next frame; a newer fix of the same subject replaces an older one.</summary>
    public void QueuePositions(IEnumerable<PositionUpdate> positions)
    {
        foreach (var position in positions)
        {
            pendingPositions.AddOrUpdate(position.SubjectId, position,
                (_, existing) => existing.FixTime >= position.FixTime ? existing : position);
        }
    }

    /// <summary>Sends one frame of the queued positions, if any; called by <see cref="PositionFramePump"/>.</summary>
    public async Task FlushPositionsAsync(DateTimeOffset now)
    {
        if (pendingPositions.IsEmpty)
        {
            return;
        }

        var batch = new List<PositionUpdate>(pendingPositions.Count);
        foreach (var subjectId in pendingPositions.Keys)
        {
            if (pendingPositions.TryRemove(subjectId, out var update))
            {
                batch.Add(update);
            }
        }

        await hub.Clients.Group(WallHub.Everything).positionsFrame(new PositionsFrame(NextSequence(), now, batch));
        metrics.Sent(nameof(IWallClient.positionsFrame));
        foreach (var squad in batch.GroupBy(p => p.SquadId))
        {
            await hub.Clients.Group(WallHub.SquadGroup(squad.Key)).positionsFrame(new PositionsFrame(NextSequence(), now, [.. squad]));
            metrics.Sent(nameof(IWallClient.positionsFrame));
        }
    }

    private async Task NotifyAsync(AlertMessage alert)
    {
        Func<AlertMessage, Task>[] handlers;
        lock (subscribersLock)
        {
            handlers = [.. alertSubscribers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(alert);
            }
            catch (Exception exception)
            {
                // One broken screen must not stop the others from hearing about an alert.
                logger.LogWarning(exception, "An alert subscriber failed.");
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref unsubscribe, null)?.Invoke();
    }
}
