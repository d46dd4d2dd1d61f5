namespace CommandCenter.Kpi.Charts;

/// <summary>One named series: a value per category, in the order of the chart's categories.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Data);
