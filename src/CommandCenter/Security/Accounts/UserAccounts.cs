using CommandCenter.Security.Audit;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security.Accounts;

/// <summary>Creates accounts and the roles they need. Every account created is audited; there are no default passwords.</summary>
public class UserAccounts(UserManager<CommandCenterUser> users, RoleManager<IdentityRole> roles, AuditTrail audit, TimeProvider time)
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

    public async Task<IdentityResult> CreateAsync(NewAccount account, string actor)
    {
        if (!Roles.People.Contains(account.Role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "role", Description = $"'{account.Role}' is not a role; use one of: {string.Join(", ", Roles.People)}." });
        }

        if (account.Role == Roles.SquadLeader && account.SquadId is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "squad", Description = "A squad leader needs the squad they lead." });
        }

        await EnsureRolesAsync();
        var user = new CommandCenterUser
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            SquadId = account.Role == Roles.SquadLeader ? account.SquadId : null,
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return created;
        }

        var inRole = await users.AddToRoleAsync(user, account.Role);
        if (!inRole.Succeeded)
        {
            await users.DeleteAsync(user);
            return inRole;
        }

        await audit.AppendAsync(new AuditRecord(actor, AuditActions.UserCreated, $"user:{account.UserName}", account.Role));
        return IdentityResult.Success;
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
