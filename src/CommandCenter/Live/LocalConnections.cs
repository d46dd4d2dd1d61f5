using System.Collections.Concurrent;

namespace CommandCenter.Live;

/// <summary>
/// The hub connections this node holds, with the squad each may hear (none: everything). The live log's
/// messages go only to these: every node tails the log and tells its own clients, so no message is sent
/// twice, with or without the Redis backplane (see docs/architecture.md, "Scale-out").
/// </summary>
public class LocalConnections
{
    private readonly ConcurrentDictionary<string, int?> connections = new();

    public void Add(string connectionId, int? squad) => connections[connectionId] = squad;

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    /// <summary>Those who see all squads, and the leaders of this one.</summary>
    public List<string> Hearing(int squadId) => [.. connections.Where(c => c.Value is null || c.Value == squadId).Select(c => c.Key)];

    public List<string> All() => [.. connections.Keys];
}
