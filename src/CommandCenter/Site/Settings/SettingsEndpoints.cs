using System.Security.Claims;
using CommandCenter.Kit;
using CommandCenter.Security;

namespace CommandCenter.Site.Settings;

public static class SettingsEndpoints
{
    /// <summary>The site's tunable settings for the commander: read them, change some, reset some to their default.</summary>
    public static IEndpointRouteBuilder MapSiteSettings(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/v1/site/settings").WithTags("Site").RequireAuthorization(Policies.ManageAccess);
        settings.MapGet("/", (SettingsStore store, CancellationToken ct) => store.ReadAsync(ct))
            .WithSummary("The tunable settings (rule thresholds, debounce, severities, escalation waits, check-in defaults, the wall's chime): each with its default, its stored value and the value in force, and the version to send back with a change.");
        settings.MapPut("/", ChangeAsync)
            .Accepts<SettingsChange>("application/json")
            .Produces<SettingsView>()
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .WithSummary("Changes settings by configuration key (a null value resets one to its default), in force at once on every node. 400 names every invalid setting and stores nothing; 409 when the version is not the latest.");
        return app;
    }

    private static async Task<IResult> ChangeAsync(HttpRequest request, ClaimsPrincipal user, SettingsStore store, CancellationToken cancellationToken)
    {
        var (change, problem) = await JsonBody.ReadAsync<SettingsChange>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await store.SaveAsync(change!, user.Identity!.Name!, request.HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return result.View is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>(result.Errors))
            {
                Status = result.Status,
                Title = result.Status == StatusCodes.Status409Conflict ? "The settings were changed meanwhile." : "Some settings are not valid.",
            });
    }
}
