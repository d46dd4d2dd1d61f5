using System.Security.Claims;
using CommandCenter.Kit;

namespace CommandCenter.Security.Accounts;

public static class PasswordEndpoints
{
    public static IEndpointRouteBuilder MapOwnPassword(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/account/password", ChangeAsync)
            .WithTags("Session")
            .WithSummary("Changes one's own password (the current one required, the policy as configured). Every other session of the person ends; the answer carries a new session cookie. Audited.")
            .RequireAuthorization(Policies.ChangeOwnPassword);
        return app;
    }

    private static async Task<IResult> ChangeAsync(HttpRequest request, ClaimsPrincipal user, PasswordChanges changes)
    {
        var (change, problem) = await JsonBody.ReadAsync<PasswordChange>(request, optional: false, request.HttpContext.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var refusal = await changes.ChangeOwnAsync(user, change!.CurrentPassword, change.NewPassword, request.HttpContext);
        return refusal is null ? TypedResults.NoContent() : TypedResults.ValidationProblem(refusal.AsProblems(), title: "The password was not changed.");
    }
}
