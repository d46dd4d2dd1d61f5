using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Sessions;

/// <summary>
/// Re-checks every open circuit each minute: an ended session (signed out, revoked), a session idle past the
/// timeout, a changed security stamp (password reset, role change) or a deleted user turns the circuit
/// anonymous, and the page sends the person back to the sign-in page. A revocation does not wait for the
/// minute: the circuit hears of it at once.
/// </summary>
public class SessionRevalidation : RevalidatingServerAuthenticationStateProvider
{

    private readonly IServiceScopeFactory scopes;
    private readonly SessionActivity activity;
    private readonly SessionStore store;
    private readonly SessionRevocations revocations;
    private readonly IOptions<IdentityOptions> identityOptions;
    private readonly TimeProvider time;
    private string? watchedSession;

    public SessionRevalidation(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopes,
        SessionActivity activity,
        SessionStore store,
        SessionRevocations revocations,
        IOptions<IdentityOptions> identityOptions,
        TimeProvider time) : base(loggerFactory)
    {
        this.scopes = scopes;
        this.activity = activity;
        this.store = store;
        this.revocations = revocations;
        this.identityOptions = identityOptions;
        this.time = time;
        AuthenticationStateChanged += WatchSessionOf;
        revocations.Revoked += OnRevoked;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (principal.FindFirstValue(ClaimNames.Session) is not { } session
            || !await store.IsActiveAsync(session, remoteAddress: null, SessionCookieEvents.SquadClaim(principal), cancellationToken)
            || activity.IsIdle(principal))
        {
            return false;
        }

        // A visitor let in by a signed demo link has no account; the link's own expiry bounds the visit.
        if (principal.FindFirstValue(ClaimNames.DemoLink) is { } expiry)
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= WatchSessionOf;
            revocations.Revoked -= OnRevoked;
            Unwatch();
        }

        base.Dispose(disposing);
    }

    private async void WatchSessionOf(Task<AuthenticationState> state)
    {
        try
        {
            var session = (await state).User.FindFirstValue(ClaimNames.Session);
            Unwatch();
            if (session is not null)
            {
                watchedSession = session;
                revocations.Watch(session);
            }
        }
        catch (Exception) when (state.IsFaulted || state.IsCanceled)
        {
            // A failed state carries no session to watch; the revalidation loop reports the failure itself.
        }
    }

    private void OnRevoked(string session)
    {
        if (session == watchedSession)
        {
            Unwatch();
            NotifyAuthenticationStateChanged(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    private void Unwatch()
    {
        if (Interlocked.Exchange(ref watchedSession, null) is { } previous)
        {
            revocations.Unwatch(previous);
        }
    }
}
