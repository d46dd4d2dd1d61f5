using CommandCenter.Kit;

namespace CommandCenter.Kpi.Records;

/// <summary>A member of the brigade's party branch, in the brigade or one of the squads' party groups.</summary>
public class PartyMember : IKpiRecord
{
    public int Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public PartyRole Role { get; set; }
    public int? SquadId { get; set; }

    /// <summary>The day the member joined the branch (or transferred in).</summary>
    public DateOnly JoinedOn { get; set; }

    /// <summary>The day the member left (transferred out); null while a member.</summary>
    public DateOnly? LeftOn { get; set; }

    DateOnly IKpiRecord.Date => JoinedOn;

    public void Check(RecordChecks checks)
    {
        checks.Text("name", Name, 32);
        checks.Defined("role", Role);
        checks.Day("joinedOn", JoinedOn);
        checks.Squad("squadId", SquadId);
        if (LeftOn is { } left)
        {
            checks.Day("leftOn", left);
            checks.NotBefore("leftOn", left, "joinedOn", JoinedOn);
        }
    }
}
