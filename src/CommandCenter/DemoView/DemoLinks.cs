using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Security.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.DemoView;

/// <summary>
/// Signed, expiring links to the delegation view, for a visit without an account. The token names its
/// link under the app's data-protection keys, so it cannot be forged; the link's row decides whether it
/// still opens the view, so a commander can revoke it, and revoking it ends the visits it let in.
/// </summary>
public class DemoLinks(IDataProtectionProvider protection, IDbContextFactory<CommandCenterDb> factory, SessionStore sessions, TimeProvider time)
{
    private const string Purpose = "delegation-demo-link";
    private const string PayloadPrefix = "demo-link:";

    public async Task<(DemoLink Link, string Token)> CreateAsync(string name, TimeSpan validFor, string createdBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var link = new DemoLink { Name = name, CreatedBy = createdBy, CreatedAt = now, ExpiresAt = now + validFor };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.DemoLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        var token = Protector().Protect(PayloadPrefix + link.Id.ToString(CultureInfo.InvariantCulture), link.ExpiresAt);
        return (link, token);
    }

    /// <summary>The link a token names if the token is genuine, whatever the link's state; null for anything forged.</summary>
    public int? LinkOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var payload = Protector().Unprotect(token, out _);
            return payload.StartsWith(PayloadPrefix, StringComparison.Ordinal)
                && int.TryParse(payload.AsSpan(PayloadPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Counts a use of a link that is still valid and returns it; null (and no use counted) if it is revoked or expired.</summary>
    public async Task<DemoLink?> UseAsync(int id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var link = await db.DemoLinks.FirstOrDefaultAsync(l => l.Id == id && l.RevokedAt == null && l.ExpiresAt > now, cancellationToken);
        if (link is not null)
        {
            link.Uses++;
            link.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return link;
    }

    public async Task<List<DemoLink>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.DemoLinks.AsNoTracking().OrderByDescending(l => l.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes the link and ends every visit it let in; null if there is no such link.</summary>
    public async Task<DemoLink?> RevokeAsync(int id, string revokedBy, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var link = await db.DemoLinks.FindAsync([id], cancellationToken);
        if (link is null)
        {
            return null;
        }

        if (link.RevokedAt is null)
        {
            link.RevokedAt = time.GetUtcNow();
            link.RevokedBy = revokedBy;
            await db.SaveChangesAsync(cancellationToken);
        }

        await sessions.RevokeForDemoLinkAsync(id, revokedBy, cancellationToken);
        return link;
    }

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
