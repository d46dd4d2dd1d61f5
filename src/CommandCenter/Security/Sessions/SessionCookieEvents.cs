using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Security.Sessions;

/// <summary>
/// Binds the sign-in cookie to a row of <see cref="SessionStore"/>: every sign-in records its session, and
/// every request carrying the cookie is refused once that session has ended, however the cookie was kept.
/// </summary>
public static class SessionCookieEvents
{
    /// <summary>The demo link that let a visitor in (its id), so the visit ends with the link.</summary>
    public const string DemoLinkIdClaim = "cc:demo-link-id";

    public static void Attach(CookieAuthenticationOptions options)
    {
        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = async context =>
        {
            await signingIn(context);
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                await RecordAsync(context, identity);
            }
        };

        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var session = context.Principal?.FindFirstValue(ClaimNames.Session);
            var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
            if (session is null || !await store.IsActiveAsync(session, context.HttpContext.Connection.RemoteIpAddress?.ToString(), SquadClaim(context.Principal!), context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await validate(context);
        };
    }

    /// <summary>The squad a squad leader's cookie names, checked against the squads on every look at the session.</summary>
    public static int? SquadClaim(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimNames.Squad), NumberStyles.Integer, CultureInfo.InvariantCulture, out var squad) ? squad : null;

    /// <summary>
    /// The security-stamp check rebuilds the principal from the account every half hour; without this the
    /// rebuilt cookie would lose its session id (and with it the session) and how the person signed in.
    /// </summary>
    public static Task KeepSessionClaims(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.FindAll(c => c.Type is ClaimNames.Session or "amr"))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }

        return Task.CompletedTask;
    }

    private static async Task RecordAsync(CookieSigningInContext context, ClaimsIdentity identity)
    {
        var session = identity.FindFirst(ClaimNames.Session)?.Value;
        if (session is null)
        {
            session = Guid.NewGuid().ToString("N");
            identity.AddClaim(new Claim(ClaimNames.Session, session));
        }

        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var linkId = identity.FindFirst(DemoLinkIdClaim)?.Value;
        await context.HttpContext.RequestServices.GetRequiredService<SessionStore>().StartAsync(new UserSession
        {
            Id = session,
            UserName = identity.Name ?? "?",
            Role = identity.FindFirst(identity.RoleClaimType)?.Value ?? "",
            DemoLinkId = linkId is null ? null : int.Parse(linkId, CultureInfo.InvariantCulture),
            StartedAt = now,
            LastSeenAt = now,
            ExpiresAt = context.Properties.IsPersistent ? context.Properties.ExpiresUtc : null,
            RemoteAddress = context.HttpContext.Connection.RemoteIpAddress?.ToString(),
        }, context.HttpContext.RequestAborted);
    }
}
