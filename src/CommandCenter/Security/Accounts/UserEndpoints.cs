using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Kit;
using CommandCenter.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Security.Accounts;

public static class UserEndpoints
{
    public record UserSummary(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, int? SquadId, bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil);

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Access").RequireAuthorization(Policies.ManageAccess);
        users.MapGet("/", ListAsync).WithSummary("Every account, its role, squad and second-factor state.");
        users.MapPost("/", CreateAsync).WithSummary("Creates an account with one role and an initial password (12+ characters, upper, lower and digit).");
        users.MapPost("/{id}/second-factor/reset", ResetSecondFactorAsync)
            .WithSummary("Clears the authenticator of another account (a lost phone): its sessions end and it enrols afresh at the next sign-in. Audited.");
        return app;
    }

    private static async Task<List<UserSummary>> ListAsync(IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.SquadId,
                u.TwoFactorEnabled,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new UserSummary(u.Id, u.UserName!, u.DisplayName, u.Roles, u.SquadId, u.TwoFactorEnabled, u.LockoutEnd)).ToList();
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, UserAccounts accounts, CancellationToken cancellationToken)
    {
        // Read here rather than bound by the framework, so a wrong type or broken JSON is also a 400 that says where.
        var (account, problem) = await JsonBody.ReadAsync<NewAccountBody>(request, optional: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await accounts.CreateAsync(account!.ToAccount(), user.Identity!.Name!, request.HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Problems, title: "The account was not created.");
        }

        return TypedResults.Created($"/api/v1/users/{account.UserName}", new { account.UserName, account.Role });
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
