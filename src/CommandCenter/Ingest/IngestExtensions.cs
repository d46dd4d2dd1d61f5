using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Alerts.Rules;
using CommandCenter.Fences;
using CommandCenter.Geo.Fences;
using CommandCenter.Hosting;
using CommandCenter.Ingest.Patterns;
using Microsoft.Extensions.Options;

namespace CommandCenter.Ingest;

public static class IngestExtensions
{
    /// <summary>The device protocols, the queue and the one pipeline that evaluates the rules and writes.</summary>
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<IngestOptions>(IngestOptions.Section);
        builder.Services.AddSingleton(services => new FenceIndexHolder(services.GetRequiredService<SiteClock>().Zone));
        builder.Services.AddSingleton<FenceCatalog>();
        builder.Services.AddSingleton(services =>
        {
            // The site may change the rules' settings while it runs: the engine takes each change at once.
            var options = services.GetRequiredService<IOptionsMonitor<AlertOptions>>();
            var engine = new AlertEngine(services.GetRequiredService<FenceIndexHolder>(), options.CurrentValue.ToSeverityPolicy(), options.CurrentValue.ToEngineOptions());
            options.OnChange(changed => engine.Reconfigure(changed.ToSeverityPolicy(), changed.ToEngineOptions()));
            return engine;
        });
        builder.Services.AddSingleton<DeviceDirectory>();
        builder.Services.AddSingleton<Subjects.ISubjectFactsChanged, DirectoryOnSubjectChange>();
        builder.Services.AddSingleton<UnknownDevices>();
        builder.Services.AddSingleton<IngestQueue>();
        builder.Services.AddSingleton<Telemetry.IngestMetrics>();
        builder.Services.AddSingleton<Telemetry.RuleMetrics>();
        builder.Services.AddSingleton<Supervision.IRuleEngine, IngestRuleEngine>();
        builder.Services.AddSingleton<IngestGate>();
        builder.Services.AddSingleton<IngestBatchWriter>();
        builder.Services.AddSingleton<IngestPublisher>();
        builder.Services.AddSingleton<AlertStateLoader>();
        builder.Services.AddSingleton<Partitions.SubjectPartitions>();
        builder.Services.AddSingleton<Partitions.PartitionLeases>();
        builder.Services.AddSingleton<Partitions.HandOffs>();
        builder.Services.AddSingleton<Partitions.HandOffSignal>();
        builder.Services.AddHostedService<Partitions.HandOffWakeUps>();
        builder.Services.AddHostedService<IngestPipeline>();
        builder.Services.AddHostedService<DirectoryRefresh>();
        builder.AddPatterns();
        return builder;
    }
}
