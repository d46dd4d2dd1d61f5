using System.Net;

namespace CommandCenter.Security.Proxy;

/// <summary>
/// Tells a request that came straight from a process on this machine (a local Prometheus, an operator's curl)
/// from one relayed by a proxy. The mark is taken before the forwarded headers are believed, because a proxy on
/// this machine connects from the loopback too: a request that names a forwarded client in any way is not
/// local, whatever address the connection has, and a forwarded header can therefore never make one local.
/// </summary>
public static class LocalRequests
{
    private static readonly object Mark = new();

    /// <summary>Headers by which a proxy names the client it relays for.</summary>
    private static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For"];

    /// <summary>Whether the request came from the loopback and was relayed by nobody; false before <see cref="UseLocalRequestMark"/> ran.</summary>
    public static bool IsLocal(HttpContext context) => context.Items.ContainsKey(Mark);

    /// <summary>Marks local requests; must run before the forwarded headers are applied.</summary>
    public static IApplicationBuilder UseLocalRequestMark(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Connection.RemoteIpAddress is { } peer && IPAddress.IsLoopback(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer)
                && !ForwardingHeaders.Any(context.Request.Headers.ContainsKey))
            {
                context.Items[Mark] = true;
            }

            return next(context);
        });
}
