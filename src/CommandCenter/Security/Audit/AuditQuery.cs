namespace CommandCenter.Security.Audit;

/// <summary>Filters of the audit trail; all optional.</summary>
public record AuditQuery(string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Page = 1, int PageSize = 50);
