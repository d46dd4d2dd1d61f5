namespace CommandCenter.Subjects;

/// <summary>The assessed risk of reoffending or absconding.</summary>
public enum RiskLevel
{
    High,
    Medium,
    Low,
}
