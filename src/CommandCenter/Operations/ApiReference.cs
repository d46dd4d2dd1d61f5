using CommandCenter.Security;
using CommandCenter.Security.Headers;
using Scalar.AspNetCore;

namespace CommandCenter.Operations;

/// <summary>
/// The interactive reference for integrators over the product's own OpenAPI document (<c>/openapi/v1.json</c>),
/// at <c>/scalar</c>, for the commander who hands out their tokens. Everything it loads is served by this site
/// (the halls have no internet): Scalar's script from the package, no web fonts, no telemetry, no AI chat; its one inline
/// script carries a fresh nonce that the content security policy allows for that answer alone.
/// </summary>
public static class ApiReference
{
    public const string Path = "/scalar";

    public static WebApplicationBuilder AddApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IScriptNonceSource, ScalarScriptNonce>();
        return builder;
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, options =>
            {
                options.WithTitle("Command center API");
                options.DisableDefaultFonts();
                options.WithNonce();
                options.Telemetry = false;

                // Its AI chat would send the product's API to an outside service, and its toolbar links out: neither belongs in a hall.
                options.DisableAgent();
                options.HideDeveloperTools();
            })
            .RequireAuthorization(Policies.ReadApiReference);
        return app;
    }

    private sealed class ScalarScriptNonce : IScriptNonceSource
    {
        public string? ScriptNonce(HttpContext context) =>
            context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null;
    }
}
