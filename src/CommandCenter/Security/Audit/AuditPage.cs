namespace CommandCenter.Security.Audit;

/// <summary>One page of audit entries and how many match in all.</summary>
public record AuditPage(int Total, IReadOnlyList<AuditEntry> Entries);
