using System.Collections.Concurrent;
using CommandCenter.Data;
using CommandCenter.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CommandCenter.Security.Sessions;

/// <summary>
/// The signed-in sessions, kept in the database so that every node agrees on which have ended. Each
/// request asks <see cref="IsActiveAsync"/>; the answer is cached briefly per node, and that look also
/// records when and from where the session was last seen.
/// </summary>
public class SessionStore(
    NpgsqlDataSource dataSource,
    AuditTrail audit,
    IDbContextFactory<CommandCenterDb> factory,
    SessionRevocations revocations,
    TimeProvider time,
    IOptions<SessionOptions> options)
{
    private readonly ConcurrentDictionary<string, (bool Active, DateTimeOffset Until)> cache = new();

    /// <summary>The sessions this node currently trusts from its cache, for the sweep to re-check.</summary>
    public IReadOnlyCollection<string> CachedActive => cache.Where(e => e.Value.Active).Select(e => e.Key).ToArray();

    public async Task StartAsync(UserSession session, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        cache[session.Id] = (true, time.GetUtcNow() + options.Value.CacheFor);
    }

    public Task<bool> IsActiveAsync(string sessionId, string? remoteAddress, CancellationToken cancellationToken = default) =>
        IsActiveAsync(sessionId, remoteAddress, squad: null, cancellationToken);

    /// <summary>
    /// Whether the session is still signed in; for a squad leader (<paramref name="squad"/> from their claim), also
    /// whether that squad is still theirs and not retired, so a squad's scope ends with the squad, not with the cookie.
    /// </summary>
    public async Task<bool> IsActiveAsync(string sessionId, string? remoteAddress, int? squad, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(sessionId, out var known) && known.Until > now)
        {
            return known.Active;
        }

        await using var command = dataSource.CreateCommand("""
            UPDATE user_sessions SET last_seen_at = @now, remote_address = coalesce(@address, remote_address)
            WHERE id = @id AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)
              AND (@squad::int IS NULL OR EXISTS (
                  SELECT 1 FROM squads q JOIN "AspNetUsers" u ON u.squad_id = q.id
                  WHERE q.id = @squad AND q.retired_at IS NULL AND u.user_name = user_sessions.user_name))
            RETURNING 1
            """);
        command.Parameters.AddWithValue("squad", (object?)squad ?? DBNull.Value);
        command.Parameters.AddWithValue("id", sessionId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("address", (object?)remoteAddress ?? DBNull.Value);
        var active = await command.ExecuteScalarAsync(cancellationToken) is not null;
        cache[sessionId] = (active, now + options.Value.CacheFor);
        return active;
    }

    /// <summary>Ends a session for good; null if it had already ended (or never existed).</summary>
    public async Task<UserSession?> RevokeAsync(string sessionId, string revokedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.RevokedAt == null, cancellationToken);
        if (session is not null)
        {
            session.RevokedAt = time.GetUtcNow();
            session.RevokedBy = revokedBy;
            await db.SaveChangesAsync(cancellationToken);
        }

        Ended(sessionId);
        return session;
    }

    /// <summary>A commander ends somebody's session (API or page); audited. Null if there is no such signed-in session.</summary>
    public async Task<UserSession?> RevokeByCommanderAsync(string sessionId, string commander, string? remoteAddress, CancellationToken cancellationToken)
    {
        var revoked = await RevokeAsync(sessionId, commander, cancellationToken);
        if (revoked is not null)
        {
            await audit.AppendAsync(new AuditRecord(commander, AuditActions.SessionRevoked, $"session:{sessionId}",
                $"{revoked.UserName} ({revoked.Role})", remoteAddress), cancellationToken);
        }

        return revoked;
    }

    /// <summary>Ends every visit a demo link let in.</summary>
    public Task<IReadOnlyList<string>> RevokeForDemoLinkAsync(int linkId, string revokedBy, CancellationToken cancellationToken = default) =>
        RevokeWhereAsync(s => s.DemoLinkId == linkId, revokedBy, cancellationToken);

    /// <summary>Ends every session of one person, as when a commander resets their lost second factor.</summary>
    public Task<IReadOnlyList<string>> RevokeAllOfAsync(string userName, string revokedBy, CancellationToken cancellationToken = default) =>
        RevokeWhereAsync(s => s.UserName == userName, revokedBy, cancellationToken);

    private async Task<IReadOnlyList<string>> RevokeWhereAsync(
        System.Linq.Expressions.Expression<Func<UserSession, bool>> which, string revokedBy, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var ids = await db.UserSessions.Where(which).Where(s => s.RevokedAt == null).Select(s => s.Id).ToListAsync(cancellationToken);
        await db.UserSessions.Where(s => ids.Contains(s.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedBy, revokedBy), cancellationToken);
        foreach (var id in ids)
        {
            Ended(id);
        }

        return ids;
    }

    /// <summary>The sessions still signed in: not revoked, not expired, and (for a desk) seen within the idle timeout.</summary>
    public async Task<List<UserSession>> ListActiveAsync(TimeSpan idleTimeout, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var seenSince = now - idleTimeout;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.RevokedAt == null && (s.ExpiresAt != null ? s.ExpiresAt > now : s.LastSeenAt > seenSince))
            .OrderBy(s => s.StartedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Of the given sessions, those that another node (or time) has ended.</summary>
    public async Task<IReadOnlyList<string>> EndedAmongAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id FROM user_sessions WHERE id = ANY(@ids) AND (revoked_at IS NOT NULL OR expires_at <= @now)
            """);
        command.Parameters.AddWithValue("ids", sessionIds.ToArray());
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        var ended = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ended.Add(reader.GetString(0));
        }

        return ended;
    }

    /// <summary>Forgets the session on this node and closes what it holds open here.</summary>
    public void Ended(string sessionId)
    {
        cache[sessionId] = (false, time.GetUtcNow() + options.Value.CacheFor);
        revocations.Raise(sessionId);
    }

    /// <summary>Forgets every cached answer on this node, so each session is asked of the database on its next request.</summary>
    public void ForgetCached() => cache.Clear();

    /// <summary>Drops cache entries whose time is up, so the cache holds only recently seen sessions.</summary>
    public void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (id, entry) in cache)
        {
            if (entry.Until <= now)
            {
                cache.TryRemove(new KeyValuePair<string, (bool, DateTimeOffset)>(id, entry));
            }
        }
    }
}
