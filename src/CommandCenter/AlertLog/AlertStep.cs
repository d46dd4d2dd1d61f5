using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.AlertLog;

/// <summary>One action on one alert, as a person asked for it.</summary>
public record AlertStep(AlertAction Action, string? Note, int? SquadId = null, Disposition? Disposition = null);
