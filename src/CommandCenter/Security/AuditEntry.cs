namespace CommandCenter.Security;

/// <summary>One line of the audit trail: who saw or did what, when. Rows are only ever appended.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? RemoteAddress { get; set; }
}
