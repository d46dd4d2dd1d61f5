namespace CommandCenter.Security.Audit;

/// <summary>The head of the chain at a moment: the last entry's id and hash, as written to the anchor file.</summary>
public record AuditAnchor(long EntryId, string Hash, DateTimeOffset At);
