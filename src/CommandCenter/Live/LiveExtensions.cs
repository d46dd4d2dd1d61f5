using CommandCenter.Hosting;
using System.Text.Json.Serialization;

namespace CommandCenter.Live;

public static class LiveExtensions
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<LiveOptions>(LiveOptions.Section);
        builder.Services.AddSignalR()
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<LiveMetrics>();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddSingleton<PendingTransitions>();
        builder.Services.AddHostedService<PositionFramePump>();
        return builder;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<WallHub>("/hubs/wall");
        return app;
    }
}
