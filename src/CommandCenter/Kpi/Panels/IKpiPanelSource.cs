namespace CommandCenter.Kpi.Panels;

/// <summary>Computes one panel from the records; register each with <c>AddSingleton&lt;IKpiPanelSource, ...&gt;</c>.</summary>
public interface IKpiPanelSource
{
    /// <summary>The panel's id in URLs and exports, e.g. "supervision".</summary>
    string Id { get; }

    Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken);
}
