using CommandCenter.Site;

namespace CommandCenter.Delegation;

public static class DelegationExtensions
{
    public static WebApplicationBuilder AddDelegation(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DelegationOptions>(DelegationOptions.Section);
        builder.Services.AddSingleton<DemoLinks>();
        builder.Services.AddSingleton<DemoPicture>();
        builder.Services.AddSingleton<DemoFigures>();
        builder.Services.AddHostedService<DemoBroadcaster>();
        return builder;
    }

    public static WebApplication MapDelegation(this WebApplication app)
    {
        app.MapDelegation();
        app.MapHub<DemoHub>("/hubs/demo");
        return app;
    }
}
