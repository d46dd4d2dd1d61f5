using CommandCenter.Hosting;

namespace CommandCenter.AlertLog;

public static class AlertLogExtensions
{
    /// <summary>The alert lifecycle: the rules' settings, people's steps on alerts and the photos sent with them, and escalation of the unacknowledged.</summary>
    public static WebApplicationBuilder AddAlertLog(this WebApplicationBuilder builder)
    {
        builder.AddTunableOptions<AlertOptions>(AlertOptions.Section, AlertTuning.Fields);
        builder.AddValidatedOptions<AlertPhotoOptions>(AlertPhotoOptions.Section);
        builder.Services.AddSingleton<AlertQueries>();
        builder.Services.AddSingleton<Live.IAlertMessages>(services => services.GetRequiredService<AlertQueries>());
        builder.Services.AddSingleton<AlertActions>();
        builder.Services.AddSingleton<AlertEscalation>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlertEscalation>());
        return builder;
    }
}
