namespace CommandCenter.Devices;

/// <summary>How a change to a device ended.</summary>
public enum DeviceOutcomeKind
{
    Done,
    Invalid,
    NotFound,
    Stale,
    Conflict,
}
