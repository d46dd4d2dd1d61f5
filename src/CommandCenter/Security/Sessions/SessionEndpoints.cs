using System.Security.Claims;
using CommandCenter.Security.Audit;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security.Sessions;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/session/activity", RecordActivity)
            .WithTags("Session")
            .WithSummary("The desk reports that a person is at the keyboard; keeps the session from idling out.")
            .RequireAuthorization(p => p.RequireRole(Roles.People.ToArray()));
        app.MapPost("/logout", SignOutAsync)
            .WithTags("Session")
            .WithSummary("Signs the person out and returns to the sign-in page.")
            .AllowAnonymous()
            .DisableAntiforgery();
        return app;
    }

    private static IResult RecordActivity(ClaimsPrincipal user, SessionActivity activity)
    {
        var session = user.FindFirstValue(ClaimNames.Session);
        if (session is null || activity.IsIdle(user))
        {
            // An idle session is over; activity after the fact does not revive it.
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The session has ended.", detail: "Sign in again.");
        }

        activity.Touch(session);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, SignInManager<CommandCenterUser> signIn, SessionActivity activity, AuditTrail audit, string? reason)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var idle = reason == "idle";
            await audit.AppendAsync(new AuditRecord(user.Identity.Name ?? "?", idle ? AuditActions.IdleSignOut : AuditActions.SignOut,
                RemoteAddress: context.Connection.RemoteIpAddress?.ToString()));
            if (user.FindFirstValue(ClaimNames.Session) is { } session)
            {
                activity.Forget(session);
            }
        }

        await signIn.SignOutAsync();
        return TypedResults.Redirect(reason == "idle" ? "/login?reason=idle" : "/login");
    }
}
