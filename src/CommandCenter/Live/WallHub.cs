using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Live;

/// <summary>The live stream of the wall and the desk at /hubs/wall. Clients only listen; the server pushes through <see cref="LiveFeed"/>.</summary>
public class WallHub : Hub<IWallClient>
{
}
