using System.Collections.Concurrent;
using CommandCenter.Live.Log;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Live;

/// <summary>
/// Publishes committed changes. What a screen must not miss (alerts, fences, the map, settings) comes from
/// the live log, which <see cref="LiveLogTail"/> reads on every node in order and hands here: it goes to this
/// node's own hub connections and to its in-process subscribers (Blazor components). Positions (coalesced
/// into frames), pending crossings and refused senders are sent at once by the node that saw them, through
/// the hub's groups (and so through the Redis backplane to the clients of every node).
/// </summary>
public class LiveFeed(IHubContext<WallHub, IWallClient> hub, LocalConnections connections, LiveMetrics metrics, ILogger<LiveFeed> logger)
{
    private readonly ConcurrentDictionary<int, PositionUpdate> pendingPositions = new();
    private readonly List<Func<AlertMessage, Task>> alertSubscribers = [];
    private readonly List<Func<string, LiveLogPayload, Task>> changeSubscribers = [];
    private readonly Lock subscribersLock = new();
    private long sequence;

    /// <summary>The live log's epoch: the same on every node and across restarts, another for another database.</summary>
    public string Epoch { get; private set; } = string.Empty;

    /// <summary>The number of the latest log entry this node has published.</summary>
    public long LastSequence => Interlocked.Read(ref sequence);

    /// <summary>Where the tail starts: the log's epoch and its latest number (what came before is history).</summary>
    public void Begin(string epoch, long last)
    {
        Epoch = epoch;
        Interlocked.Exchange(ref sequence, last);
    }

    /// <summary>Subscribes to raised and changed alerts; dispose the result to unsubscribe.</summary>
    public IDisposable SubscribeAlerts(Func<AlertMessage, Task> handler) => Subscribe(alertSubscribers, handler);

    /// <summary>Subscribes to the other entries of the live log (fences, map, settings), from every node.</summary>
    public IDisposable SubscribeChanges(Func<string, LiveLogPayload, Task> handler) => Subscribe(changeSubscribers, handler);

    /// <summary>Publishes one entry of the live log, in order; <paramref name="alert"/> is the alert it names as it stands.</summary>
    public async Task PublishAsync(LiveLogEntry entry, LiveLogPayload payload, AlertMessage? alert)
    {
        switch (entry.Kind)
        {
            case LiveLogKinds.AlertRaised when alert is not null:
                await SendAsync(connections.Hearing(alert.SquadId), nameof(IWallClient.alertRaised), client => client.alertRaised(alert));
                await NotifyAsync(alertSubscribers, handler => handler(alert));
                break;
            case LiveLogKinds.AlertChanged when alert is not null:
                await SendAsync(connections.Hearing(alert.SquadId), nameof(IWallClient.alertChanged), client => client.alertChanged(alert));
                await NotifyAsync(alertSubscribers, handler => handler(alert));
                break;
            case LiveLogKinds.FencesChanged:
                // The rules' index first (a subscriber), then the maps, which fetch the fences again.
                await NotifyAsync(changeSubscribers, handler => handler(entry.Kind, payload));
                await SendAsync(connections.All(), nameof(IWallClient.fencesChanged), client => client.fencesChanged());
                break;
            case LiveLogKinds.MapChanged:
                await NotifyAsync(changeSubscribers, handler => handler(entry.Kind, payload));
                await SendAsync(connections.All(), nameof(IWallClient.mapChanged), client => client.mapChanged());
                break;
            default:
                await NotifyAsync(changeSubscribers, handler => handler(entry.Kind, payload));
                break;
        }

        Interlocked.Exchange(ref sequence, entry.Seq);
    }

    public async Task TransitionAsync(TransitionMessage transition)
    {
        await hub.Clients.Groups(WallHub.Everything, WallHub.SquadGroup(transition.SquadId)).transitionPending(transition);
        metrics.Sent(nameof(IWallClient.transitionPending));
    }

    /// <summary>Refused senders concern the hall, not the squads.</summary>
    public async Task DeviceUnknownAsync(UnknownDeviceMessage device)
    {
        await hub.Clients.Group(WallHub.Everything).deviceUnknown(device);
        metrics.Sent(nameof(IWallClient.deviceUnknown));
    }

    /// <summary>Queues positions for the next frame; a newer fix of the same subject replaces an older one.</summary>
    public void QueuePositions(IEnumerable<PositionUpdate> positions)
    {
        foreach (var position in positions)
        {
            pendingPositions.AddOrUpdate(position.SubjectId, position,
                (_, existing) => existing.FixTime >= position.FixTime ? existing : position);
        }
    }

    /// <summary>
    /// Sends one frame of the queued positions, if any; called by <see cref="PositionFramePump"/>. A frame
    /// carries the latest log number this node published, so a client's cursor never runs ahead of the log.
    /// Returns how many positions it sent.
    /// </summary>
    public async Task<int> FlushPositionsAsync(DateTimeOffset now)
    {
        if (pendingPositions.IsEmpty)
        {
            return 0;
        }

        var batch = new List<PositionUpdate>(pendingPositions.Count);
        foreach (var subjectId in pendingPositions.Keys)
        {
            if (pendingPositions.TryRemove(subjectId, out var update))
            {
                batch.Add(update);
            }
        }

        // By squad, then subject: squads travel as runs and subjects and places as small differences (see
        // PositionsFrameJsonConverter), and each squad's own frame is a slice already in order.
        batch.Sort(static (a, b) => a.SquadId != b.SquadId ? a.SquadId.CompareTo(b.SquadId) : a.SubjectId.CompareTo(b.SubjectId));
        await hub.Clients.Group(WallHub.Everything).positionsFrame(PositionsFrame.Pack(LastSequence, now, batch));
        metrics.Sent(nameof(IWallClient.positionsFrame));
        foreach (var squad in batch.GroupBy(p => p.SquadId))
        {
            await hub.Clients.Group(WallHub.SquadGroup(squad.Key)).positionsFrame(PositionsFrame.Pack(LastSequence, now, [.. squad]));
            metrics.Sent(nameof(IWallClient.positionsFrame));
        }

        return batch.Count;
    }

    /// <summary>
    /// To each connection by its id: a connection this node holds is written to directly, also under the
    /// Redis backplane, so another node's clients are never sent this node's copy. Counted once per message,
    /// however many screens hear it, as a message to a group is.
    /// </summary>
    private async Task SendAsync(List<string> connectionIds, string message, Func<IWallClient, Task> send)
    {
        if (connectionIds.Count == 0)
        {
            return;
        }

        metrics.Sent(message);
        try
        {
            await Task.WhenAll(connectionIds.Select(id => send(hub.Clients.Client(id))));
        }
        catch (Exception exception)
        {
            // A connection that went away meanwhile catches up with Missed when it comes back.
            logger.LogDebug(exception, "Sending a live message to a connection failed.");
        }
    }

    private IDisposable Subscribe<T>(List<T> subscribers, T handler)
    {
        lock (subscribersLock)
        {
            subscribers.Add(handler);
        }

        return new Subscription(() =>
        {
            lock (subscribersLock)
            {
                subscribers.Remove(handler);
            }
        });
    }

    private async Task NotifyAsync<T>(List<T> subscribers, Func<T, Task> call)
    {
        T[] handlers;
        lock (subscribersLock)
        {
            handlers = [.. subscribers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await call(handler);
            }
            catch (Exception exception)
            {
                // One broken screen must not stop the others from hearing about a change.
                logger.LogWarning(exception, "A live subscriber failed.");
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref unsubscribe, null)?.Invoke();
    }
}
