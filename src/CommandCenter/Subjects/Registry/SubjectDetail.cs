using CommandCenter.Subjects.Positioning;

namespace CommandCenter.Subjects.Registry;

/// <summary>
/// A subject's record with personal data masked, and their positioning orders. The home point is given only
/// while an approved positioning order is in force, as the live location is; otherwise it is null, since an
/// exact home would unmask the person better than any name.
/// </summary>
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
    double? HomeLatitude,
    double? HomeLongitude,
    List<OrderView> Orders,
    bool HomePlaced);
