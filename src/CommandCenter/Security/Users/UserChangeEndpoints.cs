using System.Security.Claims;
using CommandCenter.Kit;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security.Users;

/// <summary>A commander's changes to an account: role and squad, disable, enable, unlock, a temporary password.</summary>
public static class UserChangeEndpoints
{
    public record TemporaryPassword(string Password);

    public static IEndpointRouteBuilder MapUserChanges(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Access").RequireAuthorization(Policies.ManageAccess);
        users.MapPut("/{id}", EditAsync)
            .WithSummary("Changes an account's role and squad (and display name); names the version it was read with (409 when stale). Its sessions end. Audited.");
        users.MapPost("/{id}/disable", (string id, ClaimsPrincipal user, HttpContext http, UserAdministration admin) =>
                AnswerAsync(admin.DisableAsync(id, Actor(user, http), http.RequestAborted)))
            .WithSummary("Disables an account: it cannot sign in and its sessions end at once. Never one's own nor the last enabled commander (409). Audited.");
        users.MapPost("/{id}/enable", (string id, ClaimsPrincipal user, HttpContext http, UserAdministration admin) =>
                AnswerAsync(admin.EnableAsync(id, Actor(user, http), http.RequestAborted)))
            .WithSummary("Enables a disabled account again. Audited.");
        users.MapPost("/{id}/unlock", (string id, ClaimsPrincipal user, HttpContext http, UserAdministration admin) =>
                AnswerAsync(admin.UnlockAsync(id, Actor(user, http), http.RequestAborted)))
            .WithSummary("Lifts a lockout after too many wrong sign-ins. Audited.");
        users.MapPost("/{id}/password/reset", ResetPasswordAsync)
            .WithSummary("Gives another account a temporary password, answered once; its sessions end and the person must choose a new password before any page or API answers them. Audited.");
        return app;
    }

    private static async Task<IResult> EditAsync(string id, HttpRequest request, ClaimsPrincipal user, UserAdministration admin)
    {
        var (edit, problem) = await JsonBody.ReadAsync<UserEdit>(request, optional: false, request.HttpContext.RequestAborted);
        return problem ?? await AnswerAsync(admin.EditAsync(id, edit!, Actor(user, request.HttpContext), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> ResetPasswordAsync(string id, ClaimsPrincipal user, HttpContext http, UserAdministration admin)
    {
        var change = await admin.ResetPasswordAsync(id, Actor(user, http), http.RequestAborted);
        return change.Kind == UserChangeKind.Done ? TypedResults.Ok(new TemporaryPassword(change.Password!)) : Answer(change);
    }

    private static async Task<IResult> AnswerAsync(Task<UserChange> change) => Answer(await change);

    /// <summary>The answer to a change: 204, 400 naming the field, 404, or 409 saying why.</summary>
    public static IResult Answer(UserChange change) => change.Kind switch
    {
        UserChangeKind.Done => TypedResults.NoContent(),
        UserChangeKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such account.", detail: "Use an id from GET /api/v1/users."),
        UserChangeKind.Invalid => TypedResults.ValidationProblem(change.Problems!, title: "The account was not changed."),
        UserChangeKind.Stale => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The account was changed meanwhile.", detail: change.Reason),
        _ => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: change.Reason == UserAdministration.LastCommander
                ? "The last enabled commander cannot be disabled or given another role."
                : "Nobody disables, demotes or resets the password of their own account.",
            detail: change.Reason == UserAdministration.LastCommander ? "Create or enable another commander first." : "Another commander must do it.",
            extensions: new Dictionary<string, object?> { ["reason"] = change.Reason }),
    };

    private static UserActor Actor(ClaimsPrincipal user, HttpContext http) =>
        new(http.RequestServices.GetRequiredService<UserManager<CommandCenterUser>>().GetUserId(user)!, user.Identity!.Name!, http.Connection.RemoteIpAddress?.ToString());
}
