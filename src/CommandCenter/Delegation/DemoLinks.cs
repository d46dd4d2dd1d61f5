using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;

namespace CommandCenter.Delegation;

/// <summary>
/// Signed, expiring links to the delegation view, for a visit without an account. The link carries its
/// own expiry under the app's data-protection keys; it opens nothing but the masked view.
/// </summary>
public class DemoLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public const string Claim = "cc:demo-link";

    private const string Purpose = "delegation-demo-link";
    private const string Payload = "demo-view";

    public (string Token, DateTimeOffset ExpiresAt) Create(TimeSpan validFor)
    {
        var expires = time.GetUtcNow() + validFor;
        var token = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect(Payload, expires);
        return (token, expires);
    }

    /// <summary>The link's expiry if it is genuine and still valid.</summary>
    public DateTimeOffset? Validate(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var payload = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(token, out var expires);
            return payload == Payload && expires > time.GetUtcNow() ? expires : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static bool IsLinkGuest(ClaimsPrincipal user) => user.HasClaim(c => c.Type == Claim);
}
