using CommandCenter.Kpi.Panels;
using CommandCenter.Kpi.Records;
using CommandCenter.Hosting;

namespace CommandCenter.Kpi;

public static class KpiExtensions
{
    /// <summary>The KPI panels, the dated records they sum, and their settings.</summary>
    public static WebApplicationBuilder AddKpi(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<KpiOptions>(KpiOptions.Section)
            .Validate(o => o.Weights.Total > 0, "Kpi:Weights must not all be zero.")
            .Validate(o => o.Cadence.Values.All(c => c.Count >= 1), "Kpi:Cadence counts must be at least 1.");
        builder.Services.AddSingleton<KpiRecordStore>();
        builder.Services.AddSingleton<KpiPanels>();

        // The order here is the order of the panels on the page, in the report and in the API.
        builder.Services.AddSingleton<IKpiPanelSource, SupervisionPanel>();
        builder.Services.AddSingleton<IKpiPanelSource, IntakeReleasePanel>();
        builder.Services.AddSingleton<IKpiPanelSource, AlertsDailyPanel>();
        builder.Services.AddSingleton<IKpiPanelSource, ResponsePanel>();
        builder.Services.AddSingleton<IKpiPanelSource, DispositionsPanel>();
        builder.Services.AddSingleton<IKpiPanelSource, NoLossPanel>();
        builder.Services.AddSingleton<IKpiPanelSource, PositioningPanel>();
        builder.Services.AddSingleton<IKpiPanelSource, PartyBranchPanel>();
        builder.Services.AddSingleton<IKpiPanelSource, PartyMeetingsPanel>();
        builder.Services.AddSingleton<IKpiPanelSource, EducationPanel>();
        builder.Services.AddSingleton<IKpiPanelSource, ScoreboardPanel>();
        return builder;
    }

    public static WebApplication MapKpi(this WebApplication app)
    {
        app.MapKpiApi();
        return app;
    }
}
