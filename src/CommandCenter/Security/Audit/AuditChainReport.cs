namespace CommandCenter.Security.Audit;

/// <summary>
/// The verdict on the audit trail: every broken link found (the first <see cref="MaxListed"/> of them, with
/// the total), how many entries were checked and how many anchors they were checked against.
/// </summary>
public record AuditChainReport(long EntriesChecked, int AnchorsChecked, IReadOnlyList<AuditChainBreak> Breaks, int BreakCount)
{
    /// <summary>Enough to investigate; a trail broken everywhere need not be listed whole.</summary>
    public const int MaxListed = 200;

    public bool IsIntact => BreakCount == 0;

    public override string ToString()
    {
        var checkedText = $"{EntriesChecked} entries checked, against {AnchorsChecked} anchors";
        if (IsIntact)
        {
            return $"The audit chain is intact: {checkedText}.";
        }

        var lines = Breaks.Select(b => "  " + b);
        var more = BreakCount > Breaks.Count ? [$"  ... and {BreakCount - Breaks.Count} more"] : Array.Empty<string>();
        return string.Join(Environment.NewLine,
            [$"The audit chain is broken in {BreakCount} places ({checkedText}):", .. lines, .. more]);
    }
}
