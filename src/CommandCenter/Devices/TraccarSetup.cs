using CommandCenter.Security.Proxy;
using Microsoft.Extensions.Options;
using QRCoder;

namespace CommandCenter.Devices;

/// <summary>
/// What a phone is set up with: the OsmAnd endpoint with the device's key, which Traccar Client takes as its
/// server URL (it adds id, lat, lon... to the query). The address comes from Proxy:PublicBaseUrl where a site
/// sets it, never from a Host header a client could choose; otherwise from the address the page was opened on.
/// </summary>
public class TraccarSetup(IOptions<ProxyOptions> proxy)
{
    public string ServerUrl(string requestBase, string key) =>
        proxy.Value.PublicUrl(Path(key)) ?? requestBase.TrimEnd('/') + Path(key);

    /// <summary>The server URL as a QR code (SVG drawn on the server: the hall has no internet).</summary>
    public static string QrSvg(string serverUrl)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(serverUrl, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5, "#07111f", "#ffffff", drawQuietZones: true);
    }

    private static string Path(string key) => "/osmand?key=" + Uri.EscapeDataString(key);
}
