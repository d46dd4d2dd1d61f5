namespace CommandCenter.LoadGen;

/// <summary>A seeded subject of the load: its device, its home, and for a probe subject the banned zone that alerts at once.</summary>
internal sealed record LoadSubject(int Id, int DeviceId, string Serial, string Key, double HomeLongitude, double HomeLatitude, (double Longitude, double Latitude)? ProbeZone);
