using System.Globalization;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace CommandCenter.Components;

public static class ComponentsExtensions
{
    private static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    /// <summary>Razor components with MudBlazor, and the user-facing text in Chinese (default) and English.</summary>
    public static WebApplicationBuilder AddComponents(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Messages appear at the bottom, clear of the app bar and its navigation.
        builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        builder.Services.AddLocalization();
        builder.AddValidatedOptions<TileOptions>(TileOptions.Section)
            .Validate(TileOptions.IsValid, "Map:Tiles:Url must be an http(s) address with {z}, {x} and {y}; Map:Tiles:MaxZoom 1 to 22.");
        builder.Services.AddSingleton<Security.Headers.IContentSecurityOrigins, TileOrigins>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;

            // The hall works in Chinese whatever the browser says: only an explicit choice (query or cookie) switches to English.
            options.RequestCultureProviders = options.RequestCultureProviders
                .Where(provider => provider is not AcceptLanguageHeaderRequestCultureProvider)
                .ToList();
        });
        return builder;
    }

    public static WebApplication MapComponents(this WebApplication app)
    {
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .Add(AllowCircuitConnections);
        return app;
    }

    /// <summary>
    /// The circuit's own endpoints (/_blazor) carry no page, so the deny-by-default fallback would shut
    /// every page out; they are opened, and each page is still authorised by its own policy, both when
    /// it is requested and inside the circuit.
    /// </summary>
    private static void AllowCircuitConnections(EndpointBuilder endpoint)
    {
        var isPage = endpoint.Metadata.OfType<Microsoft.AspNetCore.Components.RouteAttribute>().Any()
            || endpoint.Metadata.OfType<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>().Any();
        if (!isPage)
        {
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        }
    }
}
