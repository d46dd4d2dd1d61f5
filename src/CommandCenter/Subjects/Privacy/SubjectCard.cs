namespace CommandCenter.Subjects.Privacy;

/// <summary>A subject as the screens show them: personal data masked unless the card was unmasked for a stated purpose.</summary>
public record SubjectCard(
    int Id,
    string Code,
    string Name,
    string IdNumber,
    string Phone,
    string CorrectionType,
    string SupervisionLevel,
    string RiskLevel,
    int SquadId,
    bool Masked,
    string HomeAddress);
