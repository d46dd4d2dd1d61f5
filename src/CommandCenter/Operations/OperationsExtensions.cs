using CommandCenter.Security;
using OpenTelemetry.Metrics;

namespace CommandCenter.Operations;

/// <summary>What the site's operators and integrators are given: metrics, traces and the API reference.</summary>
public static class OperationsExtensions
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.AddApiReference();
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        // An operator token, or a local scraper; anyone else is refused before the exporter runs.
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policies.ScrapeMetrics);
        app.MapApiReference();
        return app;
    }
}
