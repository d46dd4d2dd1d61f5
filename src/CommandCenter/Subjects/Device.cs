namespace CommandCenter.Subjects;

/// <summary>A positioning device issued to a subject. Its key is never stored, only a hash of it.</summary>
public class Device
{
    public int Id { get; set; }

    /// <summary>The identifier the device reports with (IMEI or app installation id).</summary>
    public required string Serial { get; set; }

    public DeviceKind Kind { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }

    /// <summary>SHA-256 of the device key, hex; keys are long random tokens, so a fast hash suffices.</summary>
    public required string KeyHash { get; set; }

    public bool Active { get; set; } = true;
}
