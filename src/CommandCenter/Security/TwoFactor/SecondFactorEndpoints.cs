using System.Security.Claims;
using CommandCenter.Kit;
using CommandCenter.Hosting;

namespace CommandCenter.Security.TwoFactor;

public static class SecondFactorEndpoints
{
    public static IEndpointRouteBuilder MapSecondFactorRoles(this IEndpointRouteBuilder app)
    {
        var roles = app.MapGroup("/api/v1/security/second-factor/roles").WithTags("Access").RequireAuthorization(Policies.ManageAccess);
        roles.MapGet("/", (SecondFactorRoles settings, CancellationToken cancellationToken) => settings.ListAsync(cancellationToken))
            .WithSummary("Every desk role and whether its people must sign in with an authenticator (always for commanders and auditors).");
        roles.MapPut("/{role}", SetAsync)
            .WithSummary("Requires an authenticator for a desk role, or stops requiring it; commanders and auditors always need one. Audited.");
        return app;
    }

    private static async Task<IResult> SetAsync(
        string role,
        HttpRequest request,
        ClaimsPrincipal user,
        SecondFactorRoles settings,
        CancellationToken cancellationToken)
    {
        if (!SecondFactorRoles.Desk.Contains(role))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["role"] = [$"'{Shorten(role)}' is not a desk role; use one of: {string.Join(", ", SecondFactorRoles.Desk)}."] },
                title: "The setting was not changed.");
        }

        var (change, problem) = await JsonBody.ReadAsync<SecondFactorRoleChange>(request, optional: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (change!.Required is not { } required)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["required"] = ["Say true or false."] }, title: "The setting was not changed.");
        }

        if (SecondFactorRoles.IsAlwaysRequired(role) && !required)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["required"] = [$"The {role} role always needs an authenticator."] },
                title: "The setting was not changed.");
        }

        await settings.StoreAsync(role, required, user.Identity!.Name!, request.HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return TypedResults.Ok(await settings.ListAsync(cancellationToken));
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
