using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Discipline;

/// <summary>A disposition given to one of the subject's earlier alerts.</summary>
/// <param name="Disposition">What was decided.</param>
/// <param name="At">When.</param>
public readonly record struct DisciplinaryRecord(Disposition Disposition, DateTimeOffset At);
