using System.Security.Claims;
using CommandCenter.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Security.Accounts;

public static class UserEndpoints
{
    public record UserSummary(string UserName, string DisplayName, IReadOnlyList<string> Roles, int? SquadId, bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil);

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Access").RequireAuthorization(Policies.ManageAccess);
        users.MapGet("/", ListAsync).WithSummary("Every account, its role, squad and second-factor state.");
        users.MapPost("/", CreateAsync).WithSummary("Creates an account with one role and an initial password (12+ characters, upper, lower and digit).");
        return app;
    }

    private static async Task<List<UserSummary>> ListAsync(IDbContextFactory<CommandCenterDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.UserName,
                u.DisplayName,
                u.SquadId,
                u.TwoFactorEnabled,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new UserSummary(u.UserName!, u.DisplayName, u.Roles, u.SquadId, u.TwoFactorEnabled, u.LockoutEnd)).ToList();
    }

    private static async Task<IResult> CreateAsync(NewAccount account, ClaimsPrincipal user, UserAccounts accounts)
    {
        IdentityResult result = await accounts.CreateAsync(account, user.Identity!.Name!);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()),
                title: "The account was not created.");
        }

        return TypedResults.Created($"/api/v1/users/{account.UserName}", new { account.UserName, account.Role });
    }
}
