using CommandCenter.FieldMessages.Channels;
using CommandCenter.Hosting;

namespace CommandCenter.FieldMessages;

/// <summary>Messages to the field: group robots and SMS told of dispatches, escalations and the day, recorded with their delivery.</summary>
public static class FieldMessagesExtensions
{
    public static WebApplicationBuilder AddFieldMessages(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<FieldMessageOptions>(FieldMessageOptions.Section);

        // The courier sets a deadline per request from the options; the client's own timeout is only a backstop.
        // Without the client's request logs: a webhook's key travels in its query string.
        builder.Services.AddHttpClient(FieldMessageCourier.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2)).RemoveAllLoggers();
        builder.Services.AddSingleton<FieldChannelSecrets>();
        builder.Services.AddSingleton<FieldChannelDirectory>();
        builder.Services.AddSingleton<FieldChannelStore>();
        builder.Services.AddSingleton<FieldMessageTexts>();
        builder.Services.AddSingleton<FieldMessageQueries>();
        builder.Services.AddSingleton<FieldMessagePlanner>();
        builder.Services.AddSingleton<FieldMessageCourier>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FieldChannelDirectory>());
        builder.Services.AddHostedService(services => services.GetRequiredService<FieldMessagePlanner>());
        builder.Services.AddHostedService(services => services.GetRequiredService<FieldMessageCourier>());
        return builder;
    }

    public static IEndpointRouteBuilder MapFieldMessages(this IEndpointRouteBuilder app) => app.MapFieldMessageEndpoints().MapFieldChannels();
}
