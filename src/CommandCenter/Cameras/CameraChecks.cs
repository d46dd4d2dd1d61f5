using System.Globalization;
using CommandCenter.Kit;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Cameras;

/// <summary>What makes a camera record acceptable; every problem is named by its field.</summary>
public static class CameraChecks
{
    public static Dictionary<string, string[]> Check(CameraInput input, IStringLocalizer<UiText> text, string prefix = "")
    {
        var errors = new FieldErrors();
        void Add(string field, string message) => errors.Add(prefix + field, message);

        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > Camera.MaxCodeLength)
        {
            Add("code", text["Refusal.Camera.Code", Camera.MaxCodeLength]);
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
        {
            Add("name", text["Refusal.Camera.Name", 100]);
        }

        if (input.Latitude is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            Add("latitude", text["Refusal.Camera.Latitude", Invariant(input.Latitude)]);
        }

        if (input.Longitude is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            Add("longitude", text["Refusal.Camera.Longitude", Invariant(input.Longitude)]);
        }

        CheckUrl(input.StreamUrl, input.Code, "streamUrl", text, Add);
        CheckUrl(input.SnapshotUrl, input.Code, "snapshotUrl", text, Add);
        return errors.ToDictionary();
    }

    /// <summary>
    /// A link is an http(s) address or a path on this server, possibly a template for a media server: its
    /// placeholders must be known, and a template asking for device and channel needs a code that carries both.
    /// </summary>
    private static void CheckUrl(string? url, string? code, string field, IStringLocalizer<UiText> text, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (CameraLinks.UnknownPlaceholder(url) is { } unknown)
        {
            add(field, text["Refusal.Camera.LinkPlaceholder", unknown, string.Join(" ", CameraLinks.Placeholders)]);
            return;
        }

        if (CameraLinks.NeedsDeviceAndChannel(url) && !string.IsNullOrWhiteSpace(code) && CameraLinks.DeviceAndChannel(code) is null)
        {
            add(field, text["Refusal.Camera.LinkDeviceAndChannel", code.Trim()]);
            return;
        }

        // Placeholders are checked as the codes they stand for would fill them.
        var resolved = CameraLinks.Resolve(url, "device_channel")!;
        var local = CameraLinks.IsLocal(resolved) && Uri.TryCreate(resolved, UriKind.Relative, out _);
        if (url.Length > 500 || !(local || (Uri.TryCreate(resolved, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")))
        {
            add(field, text["Refusal.Camera.Link", url, 500]);
        }
    }

    private static string Invariant(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
