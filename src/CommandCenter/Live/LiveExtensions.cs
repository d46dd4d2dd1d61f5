using CommandCenter.Hosting;
using CommandCenter.Live.Log;
using System.Text.Json.Serialization;

namespace CommandCenter.Live;

public static class LiveExtensions
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<LiveOptions>(LiveOptions.Section);
        var signalR = builder.Services.AddSignalR()
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // Several nodes share the hub's groups through Redis; one node needs none and keeps working without.
        if (builder.Configuration[$"{LiveOptions.Section}:{nameof(LiveOptions.Redis)}"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("commandcenter"));
        }

        builder.Services.AddSingleton<LocalConnections>();
        builder.Services.AddSingleton<LiveMetrics>();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddSingleton<LiveLog>();
        builder.Services.AddSingleton<LiveLogReader>();
        builder.Services.AddSingleton<LiveAlertMessages>();
        builder.Services.AddSingleton<LiveReplays>();
        builder.Services.AddSingleton<LiveLogPruning>();
        builder.Services.AddHostedService<LiveLogTail>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveLogPruning>());
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
