namespace CommandCenter.Reports;

/// <summary>The squad a report is limited to (null: all squads), or the problem with the squad asked for: <see cref="Forbidden"/> when it is another squad's.</summary>
public sealed record ScopeDecision(int? Squad, string? Problem, bool Forbidden);
