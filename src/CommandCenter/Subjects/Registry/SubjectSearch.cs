namespace CommandCenter.Subjects.Registry;

/// <summary>
/// A search of the subjects: every criterion optional; page is 1-based. A name matches only a full name, and
/// since finding a person by name reveals who is under correction, it is an unmasking: it needs the permission
/// and a stated purpose, and is audited. The rows are answered masked all the same.
/// </summary>
public sealed record SubjectSearch(
    string? Code = null,
    string? Name = null,
    int? SquadId = null,
    CorrectionType? CorrectionType = null,
    SupervisionLevel? SupervisionLevel = null,
    RiskLevel? RiskLevel = null,
    SubjectStatus? Status = null,
    OrderFilter? Order = null,
    int? Page = null,
    int? PageSize = null,
    string? Purpose = null);
