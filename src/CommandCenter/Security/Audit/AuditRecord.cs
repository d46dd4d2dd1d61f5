namespace CommandCenter.Security.Audit;

/// <summary>What to write to the audit trail; the trail adds the time and the hash chain.</summary>
public record AuditRecord(string Actor, string Action, string? Target = null, string? Detail = null, string? RemoteAddress = null);
