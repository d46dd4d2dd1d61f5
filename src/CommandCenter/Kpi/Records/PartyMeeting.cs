using CommandCenter.Kit;

namespace CommandCenter.Kpi.Records;

/// <summary>A meeting of 三会一课 or a 主题党日, with how many attended.</summary>
public class PartyMeeting : IKpiRecord
{
    public int Id { get; set; }
    public PartyMeetingKind Kind { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>The squad (party group) for a group meeting; null for the branch's own meetings.</summary>
    public int? SquadId { get; set; }

    public string Topic { get; set; } = string.Empty;
    public int Attendance { get; set; }
    public string? Note { get; set; }

    public void Check(RecordChecks checks)
    {
        checks.Defined("kind", Kind);
        checks.Day("date", Date);
        checks.Squad("squadId", SquadId);
        if (Kind == PartyMeetingKind.GroupMeeting && SquadId is null)
        {
            checks.Fail("squadId", "Validation.SquadRequired");
        }

        checks.Text("topic", Topic, 100);
        checks.Range("attendance", Attendance, 1, 1_000);
        checks.Text("note", Note, 500, required: false);
    }
}
