using System.Security.Claims;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Accounts;

/// <summary>
/// The sign-in steps: password (with lockout), then the second factor where the role demands one,
/// enrolling it on first use. Every outcome is audited. A session gets its own id so that idleness is
/// judged per sign-in; the wall's sign-in lasts long and never idles out.
/// </summary>
public class SignInFlow(
    UserManager<CommandCenterUser> users,
    SignInManager<CommandCenterUser> signIn,
    SessionActivity activity,
    AuditTrail audit,
    TimeProvider time,
    IOptions<SecurityOptions> options)
{
    public async Task<SignInOutcome> PasswordAsync(string userName, string password, HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
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

        if (user.TwoFactorEnabled || await RequiresSecondFactorAsync(user))
        {
            // Remember who passed the password step; the full session is only issued after the second factor.
            await context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));
            return user.TwoFactorEnabled ? SignInOutcome.NeedsSecondFactor : SignInOutcome.MustEnrollSecondFactor;
        }

        await CompleteAsync(user, context, "password");
        return SignInOutcome.SignedIn;
    }

    /// <summary>The person who passed the password step and owes a second factor, if any.</summary>
    public Task<CommandCenterUser?> PendingUserAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

    public async Task<SignInOutcome> SecondFactorAsync(CommandCenterUser user, string code, HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString();
        if (await users.IsLockedOutAsync(user))
        {
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.LockedOut, RemoteAddress: remote));
            return SignInOutcome.LockedOut;
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalise(code)))
        {
            await users.AccessFailedAsync(user);
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.SignInFailed, Detail: "wrong second-factor code", RemoteAddress: remote));
            return await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }

        await users.ResetAccessFailedCountAsync(user);
        if (!user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.SecondFactorEnrolled, RemoteAddress: remote));
        }

        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await CompleteAsync(user, context, "password+totp");
        return SignInOutcome.SignedIn;
    }

    /// <summary>The authenticator key of a person enrolling, created on first request.</summary>
    public async Task<string> AuthenticatorKeyAsync(CommandCenterUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return key!;
    }

    public async Task<bool> RequiresSecondFactorAsync(CommandCenterUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Any(Roles.RequiringTwoFactor.Contains);
    }

    private async Task CompleteAsync(CommandCenterUser user, HttpContext context, string method)
    {
        var session = Guid.NewGuid().ToString("N");
        var isWall = await users.IsInRoleAsync(user, Roles.Wall);
        var properties = new AuthenticationProperties
        {
            IsPersistent = isWall,
            ExpiresUtc = isWall ? time.GetUtcNow() + options.Value.WallSession : null,
        };
        await signIn.SignInWithClaimsAsync(user, properties, [new Claim(ClaimNames.Session, session), new Claim("amr", method)]);
        activity.Touch(session);
        await audit.AppendAsync(new AuditRecord(user.UserName!, AuditActions.SignIn, Detail: method, RemoteAddress: context.Connection.RemoteIpAddress?.ToString()));
    }

    private static string Normalise(string code) => new(code.Where(char.IsAsciiDigit).ToArray());
}
