namespace CommandCenter.Subjects.Registry;

/// <summary>
/// A subject to take in or change, as the form or the API sends it. When changing a subject, an empty name,
/// ID number, phone, address or home point keeps the stored one: a record can be corrected without unmasking it.
/// </summary>
public sealed record SubjectInput(
    string? Code,
    string? Name,
    string? IdNumber,
    string? Phone,
    CorrectionType? CorrectionType,
    SupervisionLevel? SupervisionLevel,
    RiskLevel? RiskLevel,
    int? SquadId,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    DateOnly? IntakeDate,
    string? HomeAddress,
    double? HomeLatitude,
    double? HomeLongitude,
    DateOnly? ReleaseDate);
