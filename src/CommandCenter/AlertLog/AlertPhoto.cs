namespace CommandCenter.AlertLog;

/// <summary>
/// A photo a squad leader took at the scene, attached to the step it was taken with. Kept in a table of its own,
/// away from the alert tables the wall and the rules read all day: those stay narrow, and a photo is read only
/// when someone opens it.
/// </summary>
public class AlertPhoto
{
    public long Id { get; set; }
    public long AlertId { get; set; }

    /// <summary>The step (on scene, resolved) the photo was sent with; the timeline shows it there.</summary>
    public long AlertEventId { get; set; }

    /// <summary>The JPEG as it came from the phone.</summary>
    public required byte[] Content { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex, also written to the audit trail: a photo changed later no longer matches it.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The account that sent it.</summary>
    public required string TakenBy { get; set; }

    public DateTimeOffset StoredAt { get; set; }
}
