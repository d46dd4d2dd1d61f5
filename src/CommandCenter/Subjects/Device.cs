namespace CommandCenter.Subjects;

/// <summary>
/// A positioning device issued to a subject. Its key is never stored, only a hash of it. A retired device keeps
/// its row (its fixes point at it); its serial may be enrolled again, as a new device.
/// </summary>
public class Device
{
    public int Id { get; set; }

    /// <summary>The identifier the device reports with (IMEI, app installation id, Traccar Client's device id).</summary>
    public required string Serial { get; set; }

    public DeviceKind Kind { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }

    /// <summary>SHA-256 of the device key, hex; keys are long random tokens, so a fast hash suffices.</summary>
    public required string KeyHash { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset? EnrolledAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>PostgreSQL's row version (xmin): an edit made against an older one is refused.</summary>
    public uint Version { get; set; }
}
