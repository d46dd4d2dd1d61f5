namespace CommandCenter.SpotChecks;

/// <summary>
/// The face photo a subject answered a spot check with, in a table of its own so that the checks stay narrow
/// and a photo is read only when an officer opens it.
/// </summary>
public class SpotCheckPhoto
{
    public long SpotCheckId { get; set; }

    /// <summary>The JPEG as the phone sent it.</summary>
    public required byte[] Content { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex, also written to the audit trail.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset StoredAt { get; set; }
}
