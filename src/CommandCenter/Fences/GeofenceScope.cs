namespace CommandCenter.Fences;

/// <summary>Who a fence applies to.</summary>
public enum GeofenceScope
{
    AllSubjects,
    ListedSubjects,
    RiskLevel,
    Squad,
}
