using CommandCenter.Live.Log;
using CommandCenter.Security;
using CommandCenter.Security.Regions;
using CommandCenter.Security.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Live;

/// <summary>
/// The live stream of the wall and the desk at /hubs/wall. The server pushes through
/// <see cref="LiveFeed"/>; a client that reconnects (to this node or another) asks what it missed, which the
/// live log answers. A squad leader's connection hears only that squad; a connection opened for a region
/// (<c>/hubs/wall?squad=id</c>, a region wall) hears only that squad; everybody else hears everything.
/// A connection is closed when its sign-in session ends (sign-out or revocation).
/// </summary>
[Authorize(Policy = Policies.WatchLive)]
public class WallHub(LiveReplays replays, LocalConnections connections, HubSessions sessions, LiveMetrics metrics, RegionScopes regions) : Hub<IWallClient>
{
    public const string Everything = "all";

    /// <summary>The query parameter that opens a connection for one squad's area.</summary>
    public const string RegionParameter = "squad";

    private const string ScopeItem = "squad-scope";

    public static string SquadGroup(int squadId) => $"squad:{squadId}";

    /// <summary>The alerts numbered after <paramref name="after"/> that this client may see, or word to reload.</summary>
    public Task<LiveReplay> Missed(long after, string? epoch) =>
        replays.MissedAsync(after, epoch, Context.Items[ScopeItem] as int?, Context.ConnectionAborted);

    public override async Task OnConnectedAsync()
    {
        var requested = Context.GetHttpContext()?.Request.Query[RegionParameter].ToString();
        var scope = await regions.ResolveAsync(Context.User!, requested, Context.ConnectionAborted);
        if (scope.Refused)
        {
            // Closes the connection with the reason: a screen refused its region hears nothing rather than everything.
            throw new HubException($"The region asked for cannot be opened: {scope.Refusal}.");
        }

        var squad = scope.Squad;
        Context.Items[ScopeItem] = squad;

        // The groups carry positions and crossings (through the backplane, from whichever node saw them);
        // the live log's messages go to this node's own connections.
        await Groups.AddToGroupAsync(Context.ConnectionId, squad is null ? Everything : SquadGroup(squad.Value));
        connections.Add(Context.ConnectionId, squad);
        sessions.Join(Context);
        metrics.Connected();
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        sessions.Leave(Context);
        metrics.Disconnected();
        return base.OnDisconnectedAsync(exception);
    }
}
