namespace CommandCenter.Subjects.Import;

/// <summary>The columns of a provincial platform's export that an import reads; each maps to one field of the intake.</summary>
public enum ImportColumn
{
    Code,
    Name,
    IdNumber,
    Phone,
    CorrectionType,
    TermStart,
    TermEnd,
    Squad,
    SupervisionLevel,
    RiskLevel,
    HomeAddress,
}
