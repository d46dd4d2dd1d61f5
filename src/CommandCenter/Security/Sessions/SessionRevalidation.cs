using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Sessions;

/// <summary>
/// Re-checks every open circuit each minute: a session idle past the timeout, a changed security stamp
/// (password reset, role change) or a deleted user turns the circuit anonymous, and the page sends the
/// person back to the sign-in page.
/// </summary>
public class SessionRevalidation(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    SessionActivity activity,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider time) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private const string DemoLinkClaim = Delegation.DemoLinks.Claim;

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (activity.IsIdle(principal))
        {
            return false;
        }

        // A visitor let in by a signed demo link has no account; the link's own expiry bounds the visit.
        if (principal.FindFirstValue(DemoLinkClaim) is { } expiry)
        {
            return DateTimeOffset.TryParse(expiry, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var until)
                && until > time.GetUtcNow();
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommandCenterUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stampInCookie = principal.FindFirst(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stampInCookie == await users.GetSecurityStampAsync(user);
    }
}
