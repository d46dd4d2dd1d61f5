using System.Collections.Concurrent;

namespace CommandCenter.Security.Sessions;

/// <summary>
/// Tells this node's open connections (hub connections, Blazor circuits) that their session has ended, and
/// keeps the set of sessions they hold so the sweep can ask the database about revocations made on other nodes.
/// </summary>
public class SessionRevocations
{
    private readonly ConcurrentDictionary<string, int> watched = new();

    public event Action<string>? Revoked;

    public IReadOnlyCollection<string> Watched => watched.Keys.ToArray();

    public void Watch(string sessionId) => watched.AddOrUpdate(sessionId, 1, (_, count) => count + 1);

    public void Unwatch(string sessionId)
    {
        var left = watched.AddOrUpdate(sessionId, 0, (_, count) => count - 1);
        if (left <= 0)
        {
            watched.TryRemove(new KeyValuePair<string, int>(sessionId, left));
        }
    }

    public void Raise(string sessionId) => Revoked?.Invoke(sessionId);
}
