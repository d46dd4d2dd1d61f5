using CommandCenter.Data;
using CommandCenter.Security.Accounts;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Security.Users;

/// <summary>
/// A commander's changes to other people's accounts. Each change and its audit entry commit together; a change that
/// alters what a person's cookie claims (role, squad, disabled, password) ends that person's sessions at once.
/// The hall must always keep one enabled commander, and nobody disables, demotes or resets their own account: those
/// rules are judged under one lock so that two commanders demoting each other at the same moment cannot both win.
/// </summary>
public class UserAdministration(
    UserManager<CommandCenterUser> users, CommandCenterDb db, AuditTrail audit, SessionStore sessions, ISquadDirectory squads, TimeProvider time)
{
    public const string LastCommander = "last-commander";
    public const string OwnAccount = "own-account";

    private const long CommandersLock = 0x636d645f6c617374; // "cmd_last"

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                User = u,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rows.Select(r => new UserRow(
            r.User.Id, r.User.UserName!, r.User.DisplayName, r.Role, r.User.SquadId, r.User.DisabledAt is null,
            r.User.LockoutEnd > now ? r.User.LockoutEnd : null, r.User.TwoFactorEnabled, r.User.MustChangePassword,
            r.User.LastSignInAt, r.User.ConcurrencyStamp ?? string.Empty)).ToList();
    }

    public async Task<UserChange> EditAsync(string id, UserEdit edit, UserActor actor, CancellationToken cancellationToken = default)
    {
        if (await ProblemOfAsync(edit, cancellationToken) is { } problem)
        {
            return problem;
        }

        await using var transaction = await BeginAsync(cancellationToken);
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return UserChange.NotFound;
        }

        if (user.ConcurrencyStamp != edit.Version)
        {
            return UserChange.Stale;
        }

        var role = edit.Role!;
        var current = (await users.GetRolesAsync(user)).FirstOrDefault();
        if (current == Roles.Commander && role != Roles.Commander && await CommanderMustStayAsync(user, actor, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var squad = role == Roles.SquadLeader ? edit.SquadId : null;
        var claimsChange = current != role || user.SquadId != squad;
        user.SquadId = squad;
        user.DisplayName = string.IsNullOrWhiteSpace(edit.DisplayName) ? user.DisplayName : edit.DisplayName.Trim();
        var stored = current == role ? await users.UpdateAsync(user) : await ChangeRoleAsync(user, current, role);
        if (!stored.Succeeded)
        {
            return stored.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? UserChange.Stale : throw Unstored(user, stored);
        }

        if (claimsChange)
        {
            // The cookie names the role and the squad: a person keeps neither a moment longer than the account does.
            await users.UpdateSecurityStampAsync(user);
        }

        await AuditAsync(actor, AuditActions.UserChanged, user, $"{current} → {role}{(squad is null ? string.Empty : $", squad {squad}")}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (claimsChange)
        {
            await sessions.RevokeAllOfAsync(user.UserName!, actor.Name, cancellationToken);
        }

        return UserChange.Done;
    }

    public async Task<UserChange> DisableAsync(string id, UserActor actor, CancellationToken cancellationToken = default)
    {
        if (id == actor.Id)
        {
            return UserChange.Refused(OwnAccount);
        }

        await using var transaction = await BeginAsync(cancellationToken);
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return UserChange.NotFound;
        }

        if (user.DisabledAt is null)
        {
            if (await users.IsInRoleAsync(user, Roles.Commander) && await CommanderMustStayAsync(user, actor, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            user.DisabledAt = time.GetUtcNow();
            Check(user, await users.UpdateSecurityStampAsync(user));
            await AuditAsync(actor, AuditActions.UserDisabled, user, null, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await sessions.RevokeAllOfAsync(user.UserName!, actor.Name, cancellationToken);
        return UserChange.Done;
    }

    public Task<UserChange> EnableAsync(string id, UserActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, AuditActions.UserEnabled, async user =>
        {
            user.DisabledAt = null;
            Check(user, await users.UpdateAsync(user));
        }, cancellationToken);

    public Task<UserChange> UnlockAsync(string id, UserActor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, AuditActions.UserUnlocked, async user =>
        {
            Check(user, await users.SetLockoutEndDateAsync(user, null));
            Check(user, await users.ResetAccessFailedCountAsync(user));
        }, cancellationToken);

    /// <summary>Gives the account a temporary password, returned once; the person must choose their own before any page or API answers them.</summary>
    public async Task<UserChange> ResetPasswordAsync(string id, UserActor actor, CancellationToken cancellationToken = default)
    {
        if (id == actor.Id)
        {
            return UserChange.Refused(OwnAccount);
        }

        var password = InitialPasswords.New();
        var change = await ChangeAsync(id, actor, AuditActions.PasswordReset, async user =>
        {
            Check(user, await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
            user.MustChangePassword = true;
            Check(user, await users.UpdateAsync(user));
        }, cancellationToken);
        if (change.Kind == UserChangeKind.Done && await users.FindByIdAsync(id) is { } reset)
        {
            await sessions.RevokeAllOfAsync(reset.UserName!, actor.Name, cancellationToken);
        }

        return change.Kind == UserChangeKind.Done ? change with { Password = password } : change;
    }

    private async Task<UserChange> ChangeAsync(string id, UserActor actor, string action, Func<CommandCenterUser, Task> apply, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return UserChange.NotFound;
        }

        await apply(user);
        await AuditAsync(actor, action, user, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserChange.Done;
    }

    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CommandersLock})", cancellationToken);
        return transaction;
    }

    private async Task<UserChange?> CommanderMustStayAsync(CommandCenterUser user, UserActor actor, CancellationToken cancellationToken)
    {
        if (user.Id == actor.Id)
        {
            return UserChange.Refused(OwnAccount);
        }

        var another = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Commander && u.Id != user.Id && u.DisabledAt == null
            select u.Id).AnyAsync(cancellationToken);
        return another || user.DisabledAt is not null ? null : UserChange.Refused(LastCommander);
    }

    private async Task<IdentityResult> ChangeRoleAsync(CommandCenterUser user, string? current, string role)
    {
        if (current is not null)
        {
            var removed = await users.RemoveFromRoleAsync(user, current);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        return await users.AddToRoleAsync(user, role);
    }

    private async Task<UserChange?> ProblemOfAsync(UserEdit edit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(edit.Role) || !Roles.People.Contains(edit.Role))
        {
            return UserChange.Invalid("role", $"One of: {string.Join(", ", Roles.People)}.");
        }

        if (edit.Role == Roles.SquadLeader && (edit.SquadId is not { } squad || !await squads.ExistsAsync(squad, cancellationToken)))
        {
            return UserChange.Invalid("squadId", edit.SquadId is null ? "A squad leader needs the squad they lead." : $"There is no squad {edit.SquadId}.");
        }

        if (edit.DisplayName is { } name && (name.Length > NewAccountCheck.DisplayNameMax || name.Any(char.IsControl)))
        {
            return UserChange.Invalid("displayName", $"At most {NewAccountCheck.DisplayNameMax} characters and no control characters.");
        }

        return string.IsNullOrEmpty(edit.Version) ? UserChange.Invalid("version", "The version the account was read with (GET /api/v1/users).") : null;
    }

    private Task AuditAsync(UserActor actor, string action, CommandCenterUser user, string? detail, CancellationToken cancellationToken) =>
        audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(actor.Name, action, $"user:{user.UserName}", detail, actor.RemoteAddress), cancellationToken);

    private static void Check(CommandCenterUser user, IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw Unstored(user, result);
        }
    }

    private static InvalidOperationException Unstored(CommandCenterUser user, IdentityResult result) =>
        new($"The change to {user.UserName} was not stored: {string.Join(" ", result.Errors.Select(e => e.Description))}");
}
