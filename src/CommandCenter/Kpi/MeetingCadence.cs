using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Kpi;

/// <summary>How often a kind of party meeting must be held: <see cref="Count"/> per <see cref="Per"/>, for the branch or for each squad's party group.</summary>
public class MeetingCadence
{
    [Range(1, 100)]
    public int Count { get; set; } = 1;

    public CadencePeriod Per { get; set; } = CadencePeriod.Quarter;

    /// <summary>Each squad (party group) must hold its own.</summary>
    public bool PerSquad { get; set; }

    /// <summary>How many meetings a quarter requires across the brigade.</summary>
    public int RequiredPerQuarter(int squads) => Count * (Per == CadencePeriod.Month ? 3 : 1) * (PerSquad ? squads : 1);
}
