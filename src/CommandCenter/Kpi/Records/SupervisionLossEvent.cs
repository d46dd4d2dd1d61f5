using CommandCenter.Kit;

namespace CommandCenter.Kpi.Records;

/// <summary>A dated 脱管 or 漏管 of one subject; the wall counts the days since the latest.</summary>
public class SupervisionLossEvent : IKpiRecord
{
    public int Id { get; set; }
    public SupervisionLossKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public int SubjectId { get; set; }
    public string Note { get; set; } = string.Empty;

    int? IKpiRecord.SquadId => null;

    int? IKpiRecord.SubjectId => SubjectId;

    public void Check(RecordChecks checks)
    {
        checks.Defined("kind", Kind);
        checks.Day("date", Date);
        checks.Text("note", Note, 500);
    }
}
