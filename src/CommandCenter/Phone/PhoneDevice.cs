using CommandCenter.Ingest;
using CommandCenter.Security;

namespace CommandCenter.Phone;

/// <summary>
/// Proves a subject's phone the way the ingest proves a device: its serial in <c>X-Device</c> and its key in
/// <c>X-Device-Key</c>, checked against the device directory's stored hash. A retired device is no longer in the
/// directory, so its key opens nothing.
/// </summary>
public static class PhoneDevice
{
    public const string KeyHeader = "X-Device-Key";

    /// <summary>The device and its subject, or null when the headers are missing, unknown, or the key does not match.</summary>
    public static async Task<RegisteredDevice?> AuthenticateAsync(HttpRequest request, DeviceDirectory directory, CancellationToken cancellationToken)
    {
        var serial = request.Headers[RateLimits.PhoneDeviceHeader].ToString();
        var key = request.Headers[KeyHeader].ToString();
        if (serial.Length is 0 or > 100 || key.Length is 0 or > 200)
        {
            return null;
        }

        var found = await directory.FindAsync([serial], cancellationToken);
        return found.TryGetValue(serial, out var device) && Secrets.Matches(key, device.KeyHash) ? device : null;
    }

    public static IResult Refused() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown device or wrong key.",
        detail: $"Send the enrolled device's serial in {RateLimits.PhoneDeviceHeader} and its key in {KeyHeader}; a retired device is refused.");
}
