using CommandCenter.Kpi.Charts;

namespace CommandCenter.Kpi.Panels;

/// <summary>
/// One panel as computed for a month: its title, the definition shown on hover (how the figures are
/// computed, from which records), the headline figures, the chart, and the data behind them as a table.
/// </summary>
public sealed record KpiPanel(
    string Id,
    string Title,
    string Definition,
    IReadOnlyList<KpiFigure> Figures,
    KpiTable Table,
    ChartOptions? Chart = null);
