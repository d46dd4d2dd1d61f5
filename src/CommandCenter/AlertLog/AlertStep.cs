using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.AlertLog;

/// <summary>One action on one alert, as a person asked for it; on scene and resolve may carry a JPEG from the scene.</summary>
public record AlertStep(AlertAction Action, string? Note, int? SquadId = null, Disposition? Disposition = null, byte[]? Photo = null);
