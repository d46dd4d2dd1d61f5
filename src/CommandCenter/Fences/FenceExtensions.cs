namespace CommandCenter.Fences;

public static class FenceExtensions
{
    /// <summary>The fences editor's services; the fence index itself belongs to ingest, which judges every fix by it.</summary>
    public static WebApplicationBuilder AddFences(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FenceQueries>();
        builder.Services.AddSingleton<FenceStore>();
        builder.Services.AddSingleton<SubjectFences>();
        builder.Services.AddHostedService<FenceIndexFollowsLog>();
        return builder;
    }
}
