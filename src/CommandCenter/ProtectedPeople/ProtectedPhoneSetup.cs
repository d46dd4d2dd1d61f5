using CommandCenter.Security.Proxy;
using Microsoft.Extensions.Options;

namespace CommandCenter.ProtectedPeople;

/// <summary>
/// The server URL a protected person's Traccar Client is set up with: its own OsmAnd path, so that the person's fixes
/// never enter the subjects' ingest (nor latest_positions, the maps or the hub). The address comes from
/// Proxy:PublicBaseUrl where a site sets it, otherwise from the address the page was opened on.
/// </summary>
public class ProtectedPhoneSetup(IOptions<ProxyOptions> proxy)
{
    public const string Route = "/osmand/protected";

    public string ServerUrl(string requestBase, string key) =>
        proxy.Value.PublicUrl(Path(key)) ?? requestBase.TrimEnd('/') + Path(key);

    private static string Path(string key) => Route + "?key=" + Uri.EscapeDataString(key);
}
