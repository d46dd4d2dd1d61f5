namespace CommandCenter.Ingest;

/// <summary>An active device of a subject under correction, as the ingest path needs it.</summary>
public record RegisteredDevice(int DeviceId, string Serial, string KeyHash, SubjectRecord Subject);
