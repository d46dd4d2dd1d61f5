using CommandCenter.Kit;

namespace CommandCenter.Kpi.Records;

/// <summary>One education or assistance activity: a volunteer day, a training session, a class, a placement, a grant.</summary>
public class ActivityRecord : IKpiRecord
{
    public int Id { get; set; }
    public ActivityKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public int? SquadId { get; set; }
    public string Title { get; set; } = string.Empty;

    /// <summary>Person-times: everyone who took part, counted once per activity.</summary>
    public int Participants { get; set; }

    /// <summary>The sum paid out; required for hardship grants, otherwise optional.</summary>
    public decimal? AmountYuan { get; set; }

    public string? Note { get; set; }

    public void Check(RecordChecks checks)
    {
        checks.Defined("kind", Kind);
        checks.Day("date", Date);
        checks.Squad("squadId", SquadId);
        checks.Text("title", Title, 100);
        checks.Range("participants", Participants, 1, 10_000);
        checks.Text("note", Note, 500, required: false);
        if (Kind == ActivityKind.HardshipGrant && AmountYuan is null)
        {
            checks.Fail("amountYuan", "Validation.AmountRequired");
        }

        if (AmountYuan is { } amount)
        {
            checks.Range("amountYuan", amount, 0, 10_000_000);
        }
    }
}
