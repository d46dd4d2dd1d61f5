using CommandCenter.Alerts.Discipline;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;

namespace CommandCenter.AlertLog;

/// <summary>An alert with its history, what may be done with it now, and the discipline step the subject's history suggests.</summary>
public record AlertDetails(AlertMessage Alert, IReadOnlyList<AlertEventView> Events, IReadOnlyList<AlertAction> AllowedActions, DisciplineSuggestion? Suggestion);
