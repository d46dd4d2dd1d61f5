using CommandCenter.Hosting;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security.Sessions;

public static class SessionsExtensions
{
    public static WebApplicationBuilder AddSessions(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SessionOptions>(SessionOptions.Section);
        builder.Services.AddSingleton<SessionActivity>();
        builder.Services.AddSingleton<SessionRevocations>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<HubSessions>();
        builder.Services.AddSingleton<SessionSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SessionSweep>());
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = SessionCookieEvents.KeepSessionClaims);
        return builder;
    }
}
