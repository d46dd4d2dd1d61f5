using CommandCenter.Data;
using CommandCenter.Security.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Security.Accounts;

/// <summary>
/// Creates accounts and the roles they need. An account and its audit entry are stored in one transaction, so an
/// account nobody can trace is never left behind; there are no default passwords.
/// </summary>
public class UserAccounts(
    UserManager<CommandCenterUser> users, RoleManager<IdentityRole> roles, CommandCenterDb db, AuditTrail audit, ISquadDirectory squads, TimeProvider time)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.People)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public Task<CommandCenterUser?> FindAsync(string userName) => users.FindByNameAsync(userName);

    public async Task<AccountCreation> CreateAsync(NewAccount account, string actor, string? remoteAddress = null)
    {
        var problems = NewAccountCheck.Problems(account, users.Options.User.AllowedUserNameCharacters);
        if (problems.Count == 0 && account.Role == Roles.SquadLeader && !await squads.ExistsAsync(account.SquadId!.Value))
        {
            problems["squadId"] = [$"There is no squad {account.SquadId} in service."];
        }

        if (problems.Count > 0)
        {
            return new AccountCreation(problems);
        }

        await EnsureRolesAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new CommandCenterUser
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            SquadId = account.Role == Roles.SquadLeader ? account.SquadId : null,
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
            MustChangePassword = account.MustChangePassword,
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return AccountCreation.From(created);
        }

        var inRole = await users.AddToRoleAsync(user, account.Role);
        if (!inRole.Succeeded)
        {
            return AccountCreation.From(inRole);
        }

        await audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor, AuditActions.UserCreated, $"user:{account.UserName}", account.Role, remoteAddress));
        await transaction.CommitAsync();
        return AccountCreation.Created;
    }

    /// <summary>Gives an account an authenticator key and turns the second factor on; returns the key (demo accounts only).</summary>
    public async Task<string> EnableSecondFactorAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }
}
