using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Kit;
using CommandCenter.Hosting;
using CommandCenter.Security.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Security.Accounts;

public static class UserEndpoints
{
    /// <summary>The created account; <see cref="InitialPassword"/> only when the server chose it, and only this once.</summary>
    public record CreatedUser(string Id, string UserName, string Role, string? InitialPassword);

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Access").RequireAuthorization(Policies.ManageAccess);
        users.MapGet("/", (UserAdministration admin, CancellationToken cancellationToken) => admin.ListAsync(cancellationToken))
            .WithSummary("Every account: role, squad, enabled, locked, second factor, last sign-in, and the version an edit must name.");
        users.MapPost("/", CreateAsync)
            .WithSummary("Creates an account with one role and an initial password (12+ characters, upper, lower and digit); without one the server chooses it and answers it once. The person must change it at the first sign-in.");
        users.MapPost("/{id}/second-factor/reset", ResetSecondFactorAsync)
            .WithSummary("Clears the authenticator of another account (a lost phone): its sessions end and it enrols afresh at the next sign-in. Audited.");
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, UserAccounts accounts, CancellationToken cancellationToken)
    {
        // Read here rather than bound by the framework, so a wrong type or broken JSON is also a 400 that says where.
        var (account, problem) = await JsonBody.ReadAsync<NewAccountBody>(request, optional: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var chosen = string.IsNullOrEmpty(account!.Password) ? InitialPasswords.New() : null;
        var wanted = account.ToAccount() with { Password = chosen ?? account.Password!, MustChangePassword = true };
        var result = await accounts.CreateAsync(wanted, user.Identity!.Name!, request.HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Problems, title: "The account was not created.");
        }

        var created = await accounts.FindAsync(wanted.UserName);
        return TypedResults.Created($"/api/v1/users/{created!.Id}", new CreatedUser(created.Id, wanted.UserName, wanted.Role, chosen));
    }

    private static async Task<IResult> ResetSecondFactorAsync(string id, ClaimsPrincipal user, HttpContext http, UserManager<CommandCenterUser> users, SecondFactorReset reset)
    {
        var outcome = await reset.ResetAsync(id, users.GetUserId(user)!, user.Identity!.Name!, http.Connection.RemoteIpAddress?.ToString());
        return outcome switch
        {
            SecondFactorReset.Outcome.Reset => TypedResults.NoContent(),
            SecondFactorReset.Outcome.OwnAccount => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Nobody resets their own second factor.",
                detail: "Another commander must reset it."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such account.", detail: "Use an id from GET /api/v1/users."),
        };
    }
}
