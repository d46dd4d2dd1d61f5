using CommandCenter.TestSupport.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.TestSupport.Operations;

/// <summary>
/// The small demo county behind a proxy on this machine that the site believes (127.0.0.1 is a known proxy, as
/// with nginx on the same host), and with <see cref="PretendedPeer"/>, so tests can speak as another machine.
/// </summary>
public class OperatorsApp : SmallCountyApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Proxy:KnownProxies:0"] = "127.0.0.1",
    };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddTransient<IStartupFilter, PretendedPeer>();
}
