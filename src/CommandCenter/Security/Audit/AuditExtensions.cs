using CommandCenter.Hosting;

namespace CommandCenter.Security.Audit;

public static class AuditExtensions
{
    /// <summary>The trail, its reader and verifier, and the anchoring of its head outside the database.</summary>
    public static WebApplicationBuilder AddAuditTrail(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AuditAnchorOptions>(AuditAnchorOptions.Section);
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<AuditChainVerifier>();
        builder.Services.AddSingleton<AuditReader>();
        builder.Services.AddSingleton<AuditAnchorFile>();
        builder.Services.AddSingleton<AuditAnchors>();
        builder.Services.AddHostedService<AuditAnchoring>();
        return builder;
    }
}
