namespace CommandCenter.Devices;

/// <summary>The result of a change to a device: the device (and a new key where one was issued), or why nothing was stored.</summary>
public sealed record DeviceOutcome(DeviceOutcomeKind Kind, DeviceRow? Device = null, string? Key = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static DeviceOutcome Invalid(string field, string message) => new(DeviceOutcomeKind.Invalid, Errors: new Dictionary<string, string[]> { [field] = [message] });

    public static DeviceOutcome Conflict(string field, string message) => new(DeviceOutcomeKind.Conflict, Errors: new Dictionary<string, string[]> { [field] = [message] });

    public static readonly DeviceOutcome NotFound = new(DeviceOutcomeKind.NotFound);

    public static readonly DeviceOutcome Stale = new(DeviceOutcomeKind.Stale);
}
