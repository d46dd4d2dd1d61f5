namespace CommandCenter.Kpi.Charts;

/// <summary>The kinds of chart the panels draw.</summary>
public enum ChartKind
{
    /// <summary>Horizontal bars: one row per category.</summary>
    Bar,
    /// <summary>Vertical columns: one column per category.</summary>
    Column,
    Line,
    Area,
    /// <summary>A ring; categories are the slices, the first series gives their sizes.</summary>
    Donut,
    /// <summary>A pie; categories are the slices, the first series gives their sizes.</summary>
    Pie,
}
