namespace CommandCenter.Kpi.Records;

/// <summary>A member's place in the branch.</summary>
public enum PartyRole
{
    /// <summary>支部书记.</summary>
    Secretary,
    /// <summary>支委委员.</summary>
    CommitteeMember,
    /// <summary>党员.</summary>
    Member,
    /// <summary>预备党员.</summary>
    Probationary,
}
