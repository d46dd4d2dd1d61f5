using CommandCenter.Hosting;

namespace CommandCenter.Ingest.Patterns;

public static class PatternExtensions
{
    /// <summary>The pattern warnings 昼伏夜出 and 同案犯聚集: their settings and their periodic jobs.</summary>
    public static WebApplicationBuilder AddPatterns(this WebApplicationBuilder builder)
    {
        builder.AddTunableOptions<PatternOptions>(PatternOptions.Section, PatternOptions.Tunable);
        builder.Services.AddSingleton<PatternSubjects>();
        builder.Services.AddSingleton<NightActivityJob>();
        builder.Services.AddSingleton<CoDefendantMeetingJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NightActivityJob>());
        builder.Services.AddHostedService(services => services.GetRequiredService<CoDefendantMeetingJob>());
        return builder;
    }
}
