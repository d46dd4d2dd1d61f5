using System.Security.Claims;
using CommandCenter.Data;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Sessions;
using CommandCenter.Security.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Accounts;

/// <summary>
/// The sign-in steps: password (with lockout), then the second factor for whoever has enrolled one, or enrolment
/// for whoever's role demands one and has none yet. Every outcome is audited. A session gets its own id so that
/// idleness is judged per sign-in; the wall's sign-in lasts long and never idles out.
/// </summary>
public class SignInFlow(
    UserManager<CommandCenterUser> users,
    SignInManager<CommandCenterUser> signIn,
    Authenticator authenticator,
    SecondFactorRoles secondFactorRoles,
    SessionActivity activity,
    AuditTrail audit,
    CommandCenterDb db,
    TimeProvider time,
    IOptions<SecurityOptions> options)
{
    // A hash of a password nobody knows, checked for names that match no account so that a wrong name costs the
    // same hashing as a wrong password and the answer's timing does not tell which names exist.
    private static string? unknownUserHash;

    public async Task<SignInOutcome> PasswordAsync(string userName, string password, HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            unknownUserHash ??= users.PasswordHasher.HashPassword(new CommandCenterUser(), Guid.NewGuid().ToString("N"));
            users.PasswordHasher.VerifyHashedPassword(new CommandCenterUser(), unknownUserHash, password);
            await audit.AppendAsync(new AuditRecord(userName, AuditActions.SignInFailed, Detail: "unknown user", RemoteAddress: remote));
            return SignInOutcome.Failed;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.LockedOut, RemoteAddress: remote));
            return SignInOutcome.LockedOut;
        }

        if (!check.Succeeded)
        {
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.SignInFailed, Detail: "wrong password", RemoteAddress: remote));
            return SignInOutcome.Failed;
        }

        // Told only to whoever knows the password, so it gives away nothing about which names exist.
        if (user.DisabledAt is not null)
        {
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.SignInFailed, Detail: "disabled account", RemoteAddress: remote));
            return SignInOutcome.Disabled;
        }

        if (user.MustChangePassword)
        {
            // No session at all until the password is the person's own: there is no cookie that any page or API
            // would accept, so the change cannot be skipped by going elsewhere.
            await RememberPendingAsync(user, context);
            return SignInOutcome.MustChangePassword;
        }

        return await NextStepAsync(user, context);
    }

    /// <summary>After the password (and, where owed, its change): the second factor, its enrolment, or the session.</summary>
    public async Task<SignInOutcome> NextStepAsync(CommandCenterUser user, HttpContext context)
    {
        if (user.TwoFactorEnabled || await secondFactorRoles.IsRequiredForAsync(await users.GetRolesAsync(user)))
        {
            // Remember who passed the password step; the full session is only issued after the second factor.
            await RememberPendingAsync(user, context);
            return user.TwoFactorEnabled ? SignInOutcome.NeedsSecondFactor : SignInOutcome.MustEnrollSecondFactor;
        }

        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await CompleteAsync(user, context, "password");
        return SignInOutcome.SignedIn;
    }

    /// <summary>
    /// The person who passed the password step and owes a second factor, if any; never one who still owes a new
    /// password or has been disabled meanwhile, so the second-factor pages cannot be used to step around either.
    /// </summary>
    public async Task<CommandCenterUser?> PendingUserAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is { MustChangePassword: false, DisabledAt: null } user ? user : null;

    /// <summary>The person who passed the password step and must now choose a new password, if any.</summary>
    public async Task<CommandCenterUser?> PendingPasswordChangeAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is { MustChangePassword: true, DisabledAt: null } user ? user : null;

    /// <summary>Issues a new session to a person already signed in (after they changed their password and every session of theirs ended).</summary>
    public Task ReissueAsync(CommandCenterUser user, HttpContext context) =>
        CompleteAsync(user, context, context.User.FindFirstValue("amr") ?? "password");

    /// <summary>
    /// A new authenticator key for the pending person, shown once, only if they have not enrolled; an enrolled
    /// person's key is never shown again, whatever page is opened with their password.
    /// </summary>
    public Task<string?> EnrolmentKeyAsync(CommandCenterUser user) => authenticator.IssueEnrolmentKeyAsync(user);

    /// <summary>Completes a sign-in of an enrolled person with a code of the enrolled key.</summary>
    public Task<SignInOutcome> SecondFactorAsync(CommandCenterUser user, string code, HttpContext context) =>
        user.TwoFactorEnabled ? VerifyAsync(user, code, context, enrolling: false) : Task.FromResult(SignInOutcome.MustEnrollSecondFactor);

    /// <summary>Completes the first enrolment with a code of the key just shown; refused for a person already enrolled.</summary>
    public Task<SignInOutcome> EnrolAsync(CommandCenterUser user, string code, HttpContext context) =>
        user.TwoFactorEnabled ? Task.FromResult(SignInOutcome.NeedsSecondFactor) : VerifyAsync(user, code, context, enrolling: true);

    private async Task<SignInOutcome> VerifyAsync(CommandCenterUser user, string code, HttpContext context, bool enrolling)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        if (await users.IsLockedOutAsync(user))
        {
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.LockedOut, RemoteAddress: remote));
            return SignInOutcome.LockedOut;
        }

        if (!await authenticator.TryUseCodeAsync(user, Normalise(code)))
        {
            await users.AccessFailedAsync(user);
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.SignInFailed, Detail: "wrong or used second-factor code", RemoteAddress: remote));
            return await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }

        await users.ResetAccessFailedCountAsync(user);
        if (enrolling)
        {
            await authenticator.EnableAsync(user);
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.SecondFactorEnrolled, RemoteAddress: remote));
        }

        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await CompleteAsync(user, context, "password+totp");
        return SignInOutcome.SignedIn;
    }

    private Task RememberPendingAsync(CommandCenterUser user, HttpContext context) =>
        context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));

    private async Task CompleteAsync(CommandCenterUser user, HttpContext context, string method)
    {
        if (user.MustChangePassword || user.DisabledAt is not null)
        {
            throw new InvalidOperationException($"{user.UserName} may not be given a session now.");
        }

        var session = Guid.NewGuid().ToString("N");
        var isWall = await users.IsInRoleAsync(user, Roles.Wall);
        var properties = new AuthenticationProperties
        {
            IsPersistent = isWall,
            ExpiresUtc = isWall ? time.GetUtcNow() + options.Value.WallSession : null,
        };
        await signIn.SignInWithClaimsAsync(user, properties, [new Claim(ClaimNames.Session, session), new Claim("amr", method)]);
        activity.Touch(session);
        var now = time.GetUtcNow();

        // Written past the user manager so that a sign-in does not make a commander's open edit of this account stale.
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now));
        await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.SignIn, Detail: method, RemoteAddress: context.Connection.RemoteIpAddress?.ToString()));
    }

    private static string Normalise(string code) => new(code.Where(char.IsAsciiDigit).ToArray());
}
