using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.FieldMessages;

/// <summary>
/// An alert step the field must hear of, with what a message may say about it: the case number and the subject's
/// name (masked before it goes anywhere), never the place.
/// </summary>
public sealed record AlertStepToTell(
    long EventId,
    FieldMessageTrigger Trigger,
    long AlertId,
    AlertRule Rule,
    AlertSeverity Severity,
    DateTimeOffset RaisedAt,
    string CaseNumber,
    string SubjectName,
    int SquadId,
    string SquadCode,
    string SquadName,
    string SquadDutyPhone);
