using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Security.Sessions;

/// <summary>
/// The hub connections of each session on this node. A hub connection outlives the request that opened
/// it, so ending the session must close it here: signing out or a revocation aborts every one of them.
/// </summary>
public class HubSessions
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> bySession = new();
    private readonly SessionRevocations revocations;

    public HubSessions(SessionRevocations revocations)
    {
        this.revocations = revocations;
        revocations.Revoked += Close;
    }

    public void Join(HubCallerContext context)
    {
        if (context.User?.FindFirstValue(ClaimNames.Session) is not { } session)
        {
            // Only a cookie sign-in carries a session; an integration token is revoked by its own table.
            return;
        }

        bySession.GetOrAdd(session, _ => new())[context.ConnectionId] = context;
        revocations.Watch(session);
    }

    public void Leave(HubCallerContext context)
    {
        if (context.User?.FindFirstValue(ClaimNames.Session) is { } session
            && bySession.TryGetValue(session, out var connections)
            && connections.TryRemove(context.ConnectionId, out _))
        {
            revocations.Unwatch(session);
        }
    }

    private void Close(string session)
    {
        if (bySession.TryRemove(session, out var connections))
        {
            foreach (var context in connections.Values)
            {
                context.Abort();
                revocations.Unwatch(session);
            }
        }
    }
}
