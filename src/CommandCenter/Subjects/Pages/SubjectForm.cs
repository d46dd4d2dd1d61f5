using CommandCenter.Subjects.Registry;

namespace CommandCenter.Subjects.Pages;

/// <summary>The intake form's fields; personal data starts empty when editing, and empty keeps what is stored.</summary>
public sealed class SubjectForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public CorrectionType CorrectionType { get; set; } = CorrectionType.SuspendedSentence;
    public SupervisionLevel SupervisionLevel { get; set; } = SupervisionLevel.Ordinary;
    public RiskLevel RiskLevel { get; set; } = RiskLevel.Medium;
    public int? SquadId { get; set; }
    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }
    public DateOnly? IntakeDate { get; set; }
    public string? HomeAddress { get; set; }
    public double? HomeLatitude { get; set; }
    public double? HomeLongitude { get; set; }
    public DateOnly? ReleaseDate { get; set; }

    public static SubjectForm Of(SubjectDetail subject) => new()
    {
        Code = subject.Code,
        CorrectionType = subject.CorrectionType,
        SupervisionLevel = subject.SupervisionLevel,
        RiskLevel = subject.RiskLevel,
        SquadId = subject.SquadId,
        TermStart = subject.TermStart,
        TermEnd = subject.TermEnd,
        IntakeDate = subject.IntakeDate,
        HomeLatitude = subject.HomeLatitude,
        HomeLongitude = subject.HomeLongitude,
        ReleaseDate = subject.ReleaseDate,
    };

    public SubjectInput ToInput() => new(
        Code, Name, IdNumber, Phone, CorrectionType, SupervisionLevel, RiskLevel, SquadId,
        TermStart, TermEnd, IntakeDate, HomeAddress, HomeLatitude, HomeLongitude, ReleaseDate);
}
