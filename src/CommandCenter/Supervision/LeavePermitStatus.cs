namespace CommandCenter.Supervision;

/// <summary>How a leave permit stands at a moment: the rules excuse a county exit only while an approved one is in force.</summary>
public enum LeavePermitStatus
{
    /// <summary>Asked for; nobody has decided yet.</summary>
    Requested,

    /// <summary>Refused by someone with the authority to decide.</summary>
    Refused,

    /// <summary>Approved, and its period has not begun.</summary>
    Upcoming,

    /// <summary>Approved, and within its period.</summary>
    InForce,

    /// <summary>Approved, and its period is over.</summary>
    Ended,

    /// <summary>Withdrawn (before a decision) or revoked (after approval).</summary>
    Revoked,
}
