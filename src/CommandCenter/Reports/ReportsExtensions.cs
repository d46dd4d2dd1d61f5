using CommandCenter.Kpi.Panels;

namespace CommandCenter.Reports;

public static class ReportsExtensions
{
    /// <summary>The duty report, the alert register, their exports, and the KPI panel of handling within the set times.</summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AlertRows>();
        builder.Services.AddSingleton<AlertRegister>();
        builder.Services.AddSingleton<DutyReportQuery>();
        builder.Services.AddSingleton<ReportScope>();
        builder.Services.AddScoped<ReportWorkbook>();

        // After the Kpi folder's own panels: 处置规范率 is the last panel on /kpi.
        builder.Services.AddSingleton<IKpiPanelSource, HandlingCompliancePanel>();
        return builder;
    }

    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapReportsApi();
        return app;
    }
}
