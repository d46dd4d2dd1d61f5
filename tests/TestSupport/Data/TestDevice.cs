namespace CommandCenter.TestSupport.Data;

/// <summary>A seeded device with the key the demo derives for it.</summary>
public record TestDevice(int DeviceId, string Serial, string Key, int SubjectId, string SubjectCode);
