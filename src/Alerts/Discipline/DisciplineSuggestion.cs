using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Alerts.Discipline;

/// <summary>The step of the discipline ladder the subject's history suggests; the officer decides.</summary>
/// <param name="Disposition">The suggested disposition (训诫, 警告 or 提请撤销).</param>
/// <param name="Reason">Why.</param>
/// <param name="UncorrectedAdmonitions">Admonitions since the last warning or revocation proposal.</param>
/// <param name="UncorrectedWarnings">Warnings since the last revocation proposal.</param>
public sealed record DisciplineSuggestion(Disposition Disposition, DisciplineReason Reason, int UncorrectedAdmonitions, int UncorrectedWarnings);
