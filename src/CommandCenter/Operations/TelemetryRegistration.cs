using CommandCenter.Hosting;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommandCenter.Operations;

/// <summary>
/// OpenTelemetry for the site's operators: every product meter and span source (each feature names its own,
/// under <see cref="ProductPrefix"/>), ASP.NET Core, the .NET runtime and Npgsql's database metrics, scraped at
/// <c>/metrics</c>; traces only where the site names an OTLP collector.
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>The features' meters and activity sources are named CommandCenter.Ingest, CommandCenter.Live, ...</summary>
    public const string ProductPrefix = "CommandCenter.";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(ProductPrefix + "*")
                .AddMeter("System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()

                // Prometheus scrapes every 15 s or so; an answer cached for a moment would only make a scrape lag behind.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        if (settings.Endpoint is { } endpoint)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ProductPrefix + "*")
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/metrics"))
                .AddNpgsql()
                .AddOtlpExporter(otlp => Configure(otlp, endpoint, settings.OtlpProtocol)));
        }

        return builder;
    }

    /// <summary>The exporter takes a configured endpoint as the exact address; for http/protobuf the traces' path is added to the collector's.</summary>
    private static void Configure(OtlpExporterOptions otlp, Uri endpoint, string protocol)
    {
        if (protocol == TelemetryOptions.HttpProtobuf)
        {
            otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
            otlp.Endpoint = endpoint.AbsolutePath.EndsWith("/v1/traces", StringComparison.Ordinal) ? endpoint : new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/traces");
        }
        else
        {
            otlp.Protocol = OtlpExportProtocol.Grpc;
            otlp.Endpoint = endpoint;
        }
    }
}
