using CommandCenter.Security;
using CommandCenter.Security.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.DemoView;

/// <summary>The delegation view's stream at /hubs/demo: masked frames and anonymous alerts, nothing to call.</summary>
[Authorize(Policy = Policies.ViewDemo)]
public class DemoHub(HubSessions sessions, DemoConnections connections) : Hub<IDemoClient>
{
    /// <summary>A visit ends with its link: revoking the link closes the stream too.</summary>
    public override Task OnConnectedAsync()
    {
        sessions.Join(Context);
        connections.Add(Context.ConnectionId);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        sessions.Leave(Context);
        return base.OnDisconnectedAsync(exception);
    }
}
