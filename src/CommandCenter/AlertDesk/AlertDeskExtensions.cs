namespace CommandCenter.AlertDesk;

public static class AlertDeskExtensions
{
    /// <summary>The duty desk: its page reads one alert's case (subject, track, cameras, squads) through the case loader.</summary>
    public static WebApplicationBuilder AddAlertDesk(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaseLoader>();
        return builder;
    }
}
