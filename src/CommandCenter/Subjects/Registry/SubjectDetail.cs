using CommandCenter.Subjects.Positioning;

namespace CommandCenter.Subjects.Registry;

/// <summary>A subject's record with personal data masked, and their positioning orders.</summary>
public sealed record SubjectDetail(
    int Id,
    string Code,
    string Name,
    string IdNumber,
    string Phone,
    string HomeAddress,
    CorrectionType CorrectionType,
    SupervisionLevel SupervisionLevel,
    RiskLevel RiskLevel,
    SubjectStatus Status,
    int SquadId,
    string SquadName,
    DateOnly TermStart,
    DateOnly TermEnd,
    DateOnly IntakeDate,
    DateOnly? ReleaseDate,
    double HomeLatitude,
    double HomeLongitude,
    List<OrderView> Orders);
