using System.ComponentModel.DataAnnotations;
using CommandCenter.Kpi.Records;

namespace CommandCenter.Kpi;

/// <summary>The settings of the KPI panels: meeting cadences, the scoreboard's weights, warning horizons.</summary>
public class KpiOptions
{
    public const string Section = "Kpi";

    /// <summary>
    /// The required cadence of 三会一课 and 主题党日. The defaults follow the party's rules for a branch:
    /// a general meeting and a lecture every quarter, the committee and every party group every month,
    /// a themed party day every month.
    /// </summary>
    public Dictionary<PartyMeetingKind, MeetingCadence> Cadence { get; set; } = new()
    {
        [PartyMeetingKind.BranchAssembly] = new() { Count = 1, Per = CadencePeriod.Quarter },
        [PartyMeetingKind.BranchCommittee] = new() { Count = 1, Per = CadencePeriod.Month },
        [PartyMeetingKind.GroupMeeting] = new() { Count = 1, Per = CadencePeriod.Month, PerSquad = true },
        [PartyMeetingKind.PartyLecture] = new() { Count = 1, Per = CadencePeriod.Quarter },
        [PartyMeetingKind.ThemedPartyDay] = new() { Count = 1, Per = CadencePeriod.Month },
    };

    [Required]
    public ScoreWeights Weights { get; set; } = new();

    /// <summary>An order ending within this many days counts as expiring.</summary>
    [Range(1, 90)]
    public int ExpiringWithinDays { get; set; } = 7;

    /// <summary>The scoreboard counts an alert acknowledged within this time as answered in time.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan AcknowledgeTarget { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the wall's KPI strip recomputes its figures.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan StripRefresh { get; set; } = TimeSpan.FromMinutes(5);
}
