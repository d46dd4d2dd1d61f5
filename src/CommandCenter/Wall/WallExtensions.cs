using CommandCenter.Hosting;

namespace CommandCenter.Wall;

public static class WallExtensions
{
    /// <summary>The wall display: its page, header figures and map.</summary>
    public static WebApplicationBuilder AddWall(this WebApplicationBuilder builder)
    {
        builder.AddTunableOptions<ChimeOptions>(ChimeOptions.Section, ChimeOptions.Tunable);
        builder.Services.AddSingleton<WallSummaryQuery>();
        return builder;
    }
}
