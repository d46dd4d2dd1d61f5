namespace CommandCenter.Subjects.Registry;

/// <summary>
/// A search of the subjects: every criterion optional. The name is matched in clear but answered masked;
/// page is 1-based.
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
    int? PageSize = null);
