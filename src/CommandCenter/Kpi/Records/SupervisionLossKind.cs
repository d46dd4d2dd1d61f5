namespace CommandCenter.Kpi.Records;

/// <summary>The two ways a subject can be lost to supervision; both must stay at zero.</summary>
public enum SupervisionLossKind
{
    /// <summary>脱管: lost from supervision during the term.</summary>
    Absconded,
    /// <summary>漏管: never received or registered at hand-over.</summary>
    NotRegistered,
}
