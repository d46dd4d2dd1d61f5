using CommandCenter.Squads.Admin;

namespace CommandCenter.Squads;

public static class SquadsExtensions
{
    public static WebApplicationBuilder AddSquads(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SquadQueries>();
        builder.Services.AddSingleton<CommandCenter.Security.ISquadDirectory, SquadDirectory>();
        builder.Services.AddSingleton<SquadCoverage>();
        builder.Services.AddSingleton<SquadAdmin>();
        return builder;
    }
}
