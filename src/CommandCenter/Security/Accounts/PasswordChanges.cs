using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Security.Accounts;

/// <summary>
/// A person choosing their own password: signed in (the current password again, and every other session of theirs
/// ends), or at a sign-in after a commander gave them one (no session exists until this is done). Identity's policy
/// judges the new password; each change commits with its audit entry.
/// </summary>
public class PasswordChanges(UserManager<CommandCenterUser> users, SignInFlow flow, CommandCenterDb db, AuditTrail audit, SessionStore sessions)
{
    /// <summary>Changes the signed-in person's password; null when done, and the request then carries a new session cookie.</summary>
    public async Task<PasswordRefusal?> ChangeOwnAsync(ClaimsPrincipal principal, string? current, string? next, HttpContext context)
    {
        // A demo-link visitor is signed in without an account, and so without a password.
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return new PasswordRefusal("currentPassword", PasswordRefusal.WrongCurrent, "This sign-in has no password of its own.");
        }

        if (await users.IsLockedOutAsync(user) || string.IsNullOrEmpty(current) || !await users.CheckPasswordAsync(user, current))
        {
            // Counts towards the lockout, so an unattended desk cannot be used to guess the password.
            await users.AccessFailedAsync(user);
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.SignInFailed, Detail: "wrong password at password change", RemoteAddress: Remote(context)));
            return new PasswordRefusal("currentPassword", PasswordRefusal.WrongCurrent, "The current password is wrong.");
        }

        if (await ProblemOfAsync(user, next) is { } problem)
        {
            return problem;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var changed = await users.ChangePasswordAsync(user, current, next!);
            if (!changed.Succeeded)
            {
                return Refusal(changed);
            }

            await AuditAsync(user, "own", context);
            await transaction.CommitAsync();
        }

        // Every session of theirs ends, this one too, and this request is given a fresh one: a cookie copied before
        // the change is worth nothing after it.
        await sessions.RevokeAllOfAsync(user.UserName!, user.UserName!);
        await flow.ReissueAsync(user, context);
        return null;
    }

    /// <summary>The change owed after a commander set the password; done, the person goes on to the second factor or the desk.</summary>
    public async Task<(PasswordRefusal? Refusal, SignInOutcome Next)> ChangeOwedAsync(CommandCenterUser user, string? next, HttpContext context)
    {
        if (await ProblemOfAsync(user, next) is { } problem)
        {
            return (problem, SignInOutcome.MustChangePassword);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var changed = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), next!);
            if (!changed.Succeeded)
            {
                return (Refusal(changed), SignInOutcome.MustChangePassword);
            }

            user.MustChangePassword = false;
            var stored = await users.UpdateAsync(user);
            if (!stored.Succeeded)
            {
                throw new InvalidOperationException($"The new password of {user.UserName} was not stored.");
            }

            await AuditAsync(user, "owed", context);
            await transaction.CommitAsync();
        }

        return (null, await flow.NextStepAsync(user, context));
    }

    private async Task<PasswordRefusal?> ProblemOfAsync(CommandCenterUser user, string? next)
    {
        if (string.IsNullOrEmpty(next))
        {
            return new PasswordRefusal("newPassword", PasswordRefusal.Policy, "Required.");
        }

        if (next.Length > NewAccountCheck.PasswordMax)
        {
            return new PasswordRefusal("newPassword", PasswordRefusal.Policy, $"At most {NewAccountCheck.PasswordMax} characters.");
        }

        return await users.CheckPasswordAsync(user, next)
            ? new PasswordRefusal("newPassword", PasswordRefusal.Unchanged, "The new password must differ from the one it replaces.")
            : null;
    }

    private static PasswordRefusal Refusal(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
            ? new PasswordRefusal("currentPassword", PasswordRefusal.WrongCurrent, "The current password is wrong.")
            : new PasswordRefusal("newPassword", PasswordRefusal.Policy, string.Join(" ", result.Errors.Select(e => e.Description)));

    private Task AuditAsync(CommandCenterUser user, string how, HttpContext context) =>
        audit.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), new AuditRecord(user.UserName!, AuditActions.PasswordChanged, $"user:{user.UserName}", how, Remote(context)));

    private static string? Remote(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
