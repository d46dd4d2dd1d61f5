namespace CommandCenter.Devices;

/// <summary>A person a device may be issued to, by case number (screens show the case number, not the name).</summary>
public sealed record DeviceSubject(int Id, string Code);
