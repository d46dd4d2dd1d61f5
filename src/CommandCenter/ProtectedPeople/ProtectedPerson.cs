namespace CommandCenter.ProtectedPeople;

/// <summary>
/// A protected person (双向定位, a victim a prohibition order protects): their phone reports positions like a
/// subject's device, but nobody supervises them. The name is kept for the squad's own records and is shown masked
/// everywhere; where the person is never leaves the server, only how far a linked subject is from them.
/// </summary>
public class ProtectedPerson
{
    public int Id { get; set; }

    /// <summary>The person's name, never shown in clear (see <c>PersonalDataMask.Name</c>).</summary>
    public required string Name { get; set; }

    /// <summary>The squad that enrolled the person and answers for the links.</summary>
    public int SquadId { get; set; }

    /// <summary>The phone's identifier (Traccar Client's device id).</summary>
    public required string DeviceSerial { get; set; }

    /// <summary>SHA-256 of the phone's key, hex; the key itself is shown once, when it is issued.</summary>
    public required string KeyHash { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset EnrolledAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>PostgreSQL's row version (xmin).</summary>
    public uint Version { get; set; }

    public List<ProtectedPersonLink> Links { get; set; } = [];
}
