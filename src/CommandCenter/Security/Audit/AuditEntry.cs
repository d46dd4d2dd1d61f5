namespace CommandCenter.Security.Audit;

/// <summary>
/// One line of the audit trail: who saw or did what, when. Rows are only ever appended (a database
/// trigger refuses updates and deletes), and each carries the hash of the one before it, so an edit
/// made behind the app's back breaks the chain where it was made.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? RemoteAddress { get; set; }

    /// <summary>The hash of the previous entry (64 zeros for the first).</summary>
    public required string PreviousHash { get; set; }

    /// <summary>SHA-256 over the previous hash and this entry's fields, hex.</summary>
    public required string Hash { get; set; }
}
