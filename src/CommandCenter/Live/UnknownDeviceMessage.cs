namespace CommandCenter.Live;

/// <summary>
/// A sender the ingest refused because its device is not registered and active, or its key is wrong
/// (Traccar's deviceUnknown). Nothing it sent was stored; the desk decides whether to register it.
/// </summary>
public record UnknownDeviceMessage(string Serial, string Reason, string Protocol, string? RemoteAddress, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Attempts);
