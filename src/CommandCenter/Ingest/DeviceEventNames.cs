using CommandCenter.Alerts.Rules;

namespace CommandCenter.Ingest;

/// <summary>
/// The event names a device may send: ours (<c>powerOff</c>, <c>tamper</c>, <c>strapCut</c>) and the
/// alarm names a Traccar server forwards for the same things (<c>tampering</c>, <c>removing</c>).
/// </summary>
public static class DeviceEventNames
{
    public const string Accepted = "powerOff, tamper, strapCut (Traccar alarms tampering and removing are understood too)";

    public static bool TryParse(string? name, out DeviceEvent deviceEvent)
    {
        deviceEvent = name?.Trim().ToLowerInvariant() switch
        {
            null or "" => DeviceEvent.None,
            "poweroff" => DeviceEvent.PowerOff,
            "tamper" or "tampering" or "strapcut" or "removing" => DeviceEvent.Tamper,
            _ => (DeviceEvent)(-1),
        };
        return Enum.IsDefined(deviceEvent);
    }
}
