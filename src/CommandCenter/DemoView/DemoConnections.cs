using System.Collections.Concurrent;

namespace CommandCenter.DemoView;

/// <summary>
/// The delegation view's hub connections this node holds. Every node builds the same masked frames and hears
/// every alert from the live log, so each node sends only to its own visitors: under the Redis backplane a
/// message to all clients would reach every visitor once from each node.
/// </summary>
public class DemoConnections
{
    private readonly ConcurrentDictionary<string, byte> connections = new();

    public void Add(string connectionId) => connections[connectionId] = 0;

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    public IReadOnlyList<string> All() => [.. connections.Keys];
}
