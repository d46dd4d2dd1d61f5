using CommandCenter.Kit;

namespace CommandCenter.Kpi.Records;

/// <summary>
/// A dated record that the KPI panels sum: what happened, when, in which squad (none: the brigade).
/// Each record checks its own values; the store adds the checks that need the database.
/// </summary>
public interface IKpiRecord
{
    int Id { get; set; }

    /// <summary>The day the record is dated on, in the site's calendar.</summary>
    DateOnly Date { get; }

    /// <summary>The squad the record belongs to; null for the brigade as a whole.</summary>
    int? SquadId { get; }

    /// <summary>The subject the record is about, when it is about one.</summary>
    int? SubjectId => null;

    void Check(RecordChecks checks);
}
