using System.Text.RegularExpressions;

namespace CommandCenter.Cameras;

/// <summary>
/// A camera's stream or snapshot link: an http(s) address, a path on this server (the demo's own streams), or a
/// template for a site's media server. A GB/T 28181 platform (WVP with ZLMediaKit, say) hands out one address per
/// device and channel, e.g. <c>http://media.example/rtp/{deviceId}_{channelId}/hls.m3u8</c>; the placeholders are
/// filled from the camera's code, which for such a camera is written <c>deviceId_channelId</c>.
/// </summary>
public static partial class CameraLinks
{
    public const string Code = "{code}";
    public const string DeviceId = "{deviceId}";
    public const string ChannelId = "{channelId}";

    public static IReadOnlyList<string> Placeholders { get; } = [Code, DeviceId, ChannelId];

    /// <summary>The first placeholder (or lone brace) in the link that is not one of <see cref="Placeholders"/>, or null.</summary>
    public static string? UnknownPlaceholder(string link) =>
        Braces().Matches(link).Select(m => m.Value).FirstOrDefault(token => !Placeholders.Contains(token, StringComparer.Ordinal));

    /// <summary>Whether the link asks for the device and channel codes, which the camera's code must then carry.</summary>
    public static bool NeedsDeviceAndChannel(string link) =>
        link.Contains(DeviceId, StringComparison.Ordinal) || link.Contains(ChannelId, StringComparison.Ordinal);

    /// <summary>The device and channel codes in a camera code written <c>deviceId_channelId</c>, or null.</summary>
    public static (string Device, string Channel)? DeviceAndChannel(string code)
    {
        var parts = code.Trim().Split('_');
        return parts is [{ Length: > 0 } device, { Length: > 0 } channel] ? (device, channel) : null;
    }

    /// <summary>The address to fetch: placeholders filled in (escaped as a path segment), or null without a link.</summary>
    public static string? Resolve(string? link, string code)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var resolved = link.Trim().Replace(Code, Uri.EscapeDataString(code.Trim()), StringComparison.Ordinal);
        if (DeviceAndChannel(code) is var (device, channel))
        {
            resolved = resolved.Replace(DeviceId, Uri.EscapeDataString(device), StringComparison.Ordinal)
                .Replace(ChannelId, Uri.EscapeDataString(channel), StringComparison.Ordinal);
        }

        return resolved;
    }

    /// <summary>Whether the address is served by this product itself (a path, no host).</summary>
    public static bool IsLocal(string address) => address.StartsWith('/') && !address.StartsWith("//", StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^{}]*\}|[{}]")]
    private static partial Regex Braces();
}
