namespace CommandCenter.Subjects.Registry;

/// <summary>A subject in a list of search results, the name masked.</summary>
public sealed record SubjectRow(
    int Id,
    string Code,
    string Name,
    CorrectionType CorrectionType,
    int SquadId,
    string SquadName,
    SupervisionLevel SupervisionLevel,
    RiskLevel RiskLevel,
    SubjectStatus Status,
    DateOnly TermEnd,
    DateOnly? OrderInForceUntil,
    bool OrderAwaitingDecision,
    bool OrderEndsSoon,
    bool HomePlaced);
