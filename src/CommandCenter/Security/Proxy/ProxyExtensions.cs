using System.Net;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Proxy;

public static class ProxyExtensions
{
    public static WebApplicationBuilder AddProxy(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ProxyOptions>(ProxyOptions.Section);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // Only the client's address and the original scheme; the host comes from PublicBaseUrl, never from a header.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = null;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Every cookie the app sets is Secure when the original request was HTTPS (as the proxy reports it).
        builder.Services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>Believes forwarded headers from the listed proxies only; with none listed, from nobody.</summary>
    public static WebApplication UseProxy(this WebApplication app)
    {
        app.UseLocalRequestMark();
        var proxy = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
        if (proxy.KnownProxies.Length > 0 || proxy.KnownNetworks.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
