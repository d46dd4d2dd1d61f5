using CommandCenter.Components.Shared;
using CommandCenter.Hosting;
using CommandCenter.Site.County;
using CommandCenter.Site.Setup;

namespace CommandCenter.Site;

/// <summary>The site's set-up: the first-run checklist and the county.</summary>
public static class SiteExtensions
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<BoundaryOptions>(BoundaryOptions.Section);
        builder.Services.AddSingleton<ShippedCountyIndex>();
        builder.Services.AddSingleton<CountyStore>();
        builder.Services.AddSingleton<SetupChecklist>();
        builder.Services.AddSingleton<ISiteReadiness>(services => services.GetRequiredService<SetupChecklist>());
        return builder;
    }

    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder app)
    {
        app.MapCounty();
        app.MapSetup();
        return app;
    }
}
