namespace CommandCenter.Kpi;

/// <summary>The period a meeting cadence is counted over.</summary>
public enum CadencePeriod
{
    Month,
    Quarter,
}
