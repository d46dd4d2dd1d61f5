namespace CommandCenter.Devices;

/// <summary>A device key as it is handed out, once: the key, and the server URL Traccar Client is set up with.</summary>
public record IssuedKey(DeviceRow Device, string Key, string ServerUrl);
