using CommandCenter.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CommandCenter.Delegation;

/// <summary>The delegation view's stream at /hubs/demo: masked frames and anonymous alerts, nothing to call.</summary>
[Authorize(Policy = Policies.ViewDemo)]
public class DemoHub : Hub<IDemoClient>
{
}
