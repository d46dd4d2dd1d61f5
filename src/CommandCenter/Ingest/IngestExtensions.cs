using CommandCenter.Site;
using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Ingest;

public static class IngestExtensions
{
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<IngestOptions>(IngestOptions.Section);
        builder.Services.AddSingleton(new SeverityPolicy());
        builder.Services.AddSingleton<DeviceDirectory>();
        builder.Services.AddSingleton<PositionStore>();
        return builder;
    }
}
