namespace CommandCenter.Kpi.Charts;

/// <summary>Dark for the hall's screens, light for paper and office pages.</summary>
public enum ChartTheme
{
    Dark,
    Light,
}
