namespace CommandCenter.Security.Audit;

/// <summary>Why a link of the audit trail, or an anchor of it, does not hold.</summary>
public enum AuditBreakKind
{
    /// <summary>The entry's stored previous hash is not the stored hash of the entry before it: an entry was removed, inserted or re-linked.</summary>
    Link,

    /// <summary>The entry's fields do not match its own hash: the entry was altered.</summary>
    Content,

    /// <summary>An anchor line whose HMAC does not verify (or that cannot be read): written by someone without the key.</summary>
    ForgedAnchor,

    /// <summary>An anchor names an entry that no longer has the anchored hash, or no longer exists: the chain was recomputed or cut.</summary>
    AnchorMismatch,
}
