using System.Security.Claims;
using CommandCenter.Security.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Sessions;

public static class SessionEndpoints
{
    public record SessionSummary(string Id, string UserName, string Role, DateTimeOffset Since, DateTimeOffset LastSeen, string? RemoteAddress, bool IsMine);

    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/session/activity", RecordActivity)
            .WithTags("Session")
            .WithSummary("The desk reports that a person is at the keyboard; keeps the session from idling out.")
            .RequireAuthorization(p => p.RequireRole(Roles.People.ToArray()));
        app.MapPost("/logout", SignOutAsync)
            .WithTags("Session")
            .WithSummary("Signs the person out, ending the session on the server, and returns to the sign-in page.")
            .AllowAnonymous()
            .DisableAntiforgery();

        var sessions = app.MapGroup("/api/v1/sessions").WithTags("Access").RequireAuthorization(Policies.ManageAccess);
        sessions.MapGet("/", ListAsync).WithSummary("Every signed-in session (the wall's and demo visits included): who, role, since, last seen, address.");
        sessions.MapDelete("/{id}", RevokeAsync).WithSummary("Ends a session at once: its cookie is refused and its live connections are closed, on every node.");
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

    private static async Task<List<SessionSummary>> ListAsync(
        ClaimsPrincipal user, SessionStore store, IOptions<SecurityOptions> options, CancellationToken cancellationToken)
    {
        var mine = user.FindFirstValue(ClaimNames.Session);
        var active = await store.ListActiveAsync(options.Value.IdleTimeout, cancellationToken);
        return active.Select(s => new SessionSummary(s.Id, s.UserName, s.Role, s.StartedAt, s.LastSeenAt, s.RemoteAddress, s.Id == mine)).ToList();
    }

    private static async Task<IResult> RevokeAsync(
        string id, ClaimsPrincipal user, HttpContext context, SessionStore store, CancellationToken cancellationToken)
    {
        if (id.Length > UserSession.IdLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"A session id has at most {UserSession.IdLength} characters."] });
        }

        var revoked = await store.RevokeByCommanderAsync(id, user.Identity!.Name!, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return revoked is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such session.", detail: $"There is no signed-in session {id}.")
            : TypedResults.NoContent();
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, SignInManager<CommandCenterUser> signIn, SessionActivity activity, SessionStore store, AuditTrail audit, string? reason)
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
                await store.RevokeAsync(session, user.Identity.Name ?? "?");
            }
        }

        await signIn.SignOutAsync();
        return TypedResults.Redirect(reason == "idle" ? "/login?reason=idle" : "/login");
    }
}
