namespace CommandCenter.Kpi.Records;

/// <summary>The meetings of 三会一课, and 主题党日.</summary>
public enum PartyMeetingKind
{
    /// <summary>支部党员大会: the branch's general meeting of members.</summary>
    BranchAssembly,
    /// <summary>支委会: the branch committee.</summary>
    BranchCommittee,
    /// <summary>党小组会: a party group's meeting; each squad is a party group.</summary>
    GroupMeeting,
    /// <summary>党课: a party lecture.</summary>
    PartyLecture,
    /// <summary>主题党日: the monthly themed party day.</summary>
    ThemedPartyDay,
}
