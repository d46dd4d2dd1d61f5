using CommandCenter.Hosting;

namespace CommandCenter.DemoView;

public static class DemoViewExtensions
{
    public static WebApplicationBuilder AddDemoView(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DelegationOptions>(DelegationOptions.Section);
        builder.Services.AddSingleton<DemoLinks>();
        builder.Services.AddSingleton<DemoPicture>();
        builder.Services.AddSingleton<DemoConnections>();
        builder.Services.AddSingleton<DemoFigures>();
        builder.Services.AddHostedService<DemoBroadcaster>();
        return builder;
    }

    public static WebApplication MapDemoView(this WebApplication app)
    {
        app.MapDemoViewEndpoints();
        app.MapHub<DemoHub>("/hubs/demo");
        return app;
    }
}
