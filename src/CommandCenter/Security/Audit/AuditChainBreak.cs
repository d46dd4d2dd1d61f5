namespace CommandCenter.Security.Audit;

/// <summary>One broken link: the entry it is at (when known), why, and the anchor line that found it (for anchor breaks).</summary>
public record AuditChainBreak(long? EntryId, AuditBreakKind Kind, int? AnchorLine = null)
{
    public override string ToString() => Kind switch
    {
        AuditBreakKind.Link => $"entry {EntryId}: its link to the previous entry does not match (an entry before it was removed, added or altered)",
        AuditBreakKind.Content => $"entry {EntryId}: its content does not match its hash (the entry was altered)",
        AuditBreakKind.ForgedAnchor => $"anchor line {AnchorLine}: its HMAC does not verify (the line was not written by the app)",
        _ => $"entry {EntryId}: it no longer has the hash anchor line {AnchorLine} recorded (the chain was recomputed or cut)",
    };
}
