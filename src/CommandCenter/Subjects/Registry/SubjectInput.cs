using System.ComponentModel.DataAnnotations;
using CommandCenter.Hosting;

namespace CommandCenter.Subjects.Registry;

/// <summary>
/// A subject to take in or change, as the form or the API sends it. When changing a subject, an empty name,
/// ID number, phone, address or home point keeps the stored one: a record can be corrected without unmasking it.
/// The attributes bound what the API accepts at all; <see cref="SubjectChecks"/> says what makes a record right.
/// </summary>
[ValidatableType]
public sealed record SubjectInput(
    [property: StringLength(32)] string? Code,
    [property: StringLength(64)] string? Name,
    [property: StringLength(18)] string? IdNumber,
    [property: StringLength(20)] string? Phone,
    CorrectionType? CorrectionType,
    SupervisionLevel? SupervisionLevel,
    RiskLevel? RiskLevel,
    [property: Range(1, int.MaxValue)] int? SquadId,
    [property: PlausibleDate] DateOnly? TermStart,
    [property: PlausibleDate] DateOnly? TermEnd,
    [property: PlausibleDate] DateOnly? IntakeDate,
    [property: StringLength(200)] string? HomeAddress,
    [property: Range(-90.0, 90.0)] double? HomeLatitude,
    [property: Range(-180.0, 180.0)] double? HomeLongitude,
    [property: PlausibleDate] DateOnly? ReleaseDate);
