using CommandCenter.Hosting;

namespace CommandCenter.AlertDesk;

public static class AlertDeskExtensions
{
    /// <summary>The alert lifecycle: the rules' settings, people's steps on alerts, and escalation of the unacknowledged.</summary>
    public static WebApplicationBuilder AddAlertDesk(this WebApplicationBuilder builder)
    {
        builder.AddTunableOptions<AlertOptions>(AlertOptions.Section, AlertTuning.Fields);
        builder.Services.AddSingleton<AlertQueries>();
        builder.Services.AddSingleton<AlertActions>();
        builder.Services.AddSingleton<AlertEscalation>();
        builder.Services.AddSingleton<Desk.CaseLoader>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlertEscalation>());
        return builder;
    }
}
