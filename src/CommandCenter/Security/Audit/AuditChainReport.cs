namespace CommandCenter.Security.Audit;

/// <summary>The verdict on the audit chain: intact, or the first broken entry and why.</summary>
public record AuditChainReport(bool IsIntact, long EntriesChecked, long? BrokenEntryId, string? Reason)
{
    public static AuditChainReport Intact(long count) => new(true, count, null, null);

    public static AuditChainReport Broken(long checkedBefore, long entryId, string reason) => new(false, checkedBefore, entryId, reason);

    public override string ToString() => IsIntact
        ? $"The audit chain is intact: {EntriesChecked} entries verified."
        : $"The audit chain is broken at entry {BrokenEntryId}: {Reason}. {EntriesChecked} entries before it verified.";
}
