using CommandCenter.Security;
using CommandCenter.Security.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Live;

/// <summary>
/// The live stream of the wall and the desk at /hubs/wall. The server pushes through
/// <see cref="LiveFeed"/>; a client that reconnects asks what it missed. A squad leader's connection
/// joins their squad's group and hears only that squad; everybody else joins the group that hears everything.
/// A connection is closed when its sign-in session ends (sign-out or revocation).
/// </summary>
[Authorize(Policy = Policies.WatchLive)]
public class WallHub(LiveFeed feed, HubSessions sessions, LiveMetrics metrics) : Hub<IWallClient>
{
    public const string Everything = "all";

    public static string SquadGroup(int squadId) => $"squad:{squadId}";

    /// <summary>The alerts numbered after <paramref name="after"/> that this client may see, or word to reload.</summary>
    public LiveReplay Missed(long after, string? epoch) => feed.Replay(after, epoch, SquadScope.Of(Context.User!));

    public override async Task OnConnectedAsync()
    {
        var squad = SquadScope.Of(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, squad is null ? Everything : SquadGroup(squad.Value));
        sessions.Join(Context);
        metrics.Connected();
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Leave(Context);
        metrics.Disconnected();
        return base.OnDisconnectedAsync(exception);
    }
}
