using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CommandCenter.TestSupport.Operations;

/// <summary>
/// Lets a test speak as a client on another machine without any traffic leaving this one: a request carrying
/// <see cref="Header"/> has its connection's peer address set to that value before the app sees it, as if the
/// TCP connection had come from there. Only test hosts add it.
/// </summary>
public sealed class PretendedPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    /// <summary>A documentation address (TEST-NET-3): never a real host.</summary>
    public const string Remote = "203.0.113.7";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.Remove(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
