using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Sessions;

/// <summary>
/// When each sign-in last showed a person at the keyboard. A Blazor circuit sends no HTTP requests, so
/// the cookie alone cannot tell an idle desk from a busy one; the desk reports input here instead.
/// Kept in memory: a restart starts everyone's idle clock afresh, which errs on the side of signing out.
/// </summary>
public class SessionActivity(TimeProvider time, IOptions<SecurityOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastInput = new();

    public void Touch(string sessionId) => lastInput[sessionId] = time.GetUtcNow();

    public void Forget(string sessionId) => lastInput.TryRemove(sessionId, out _);

    /// <summary>
    /// Whether this person's session has gone without input for longer than the idle timeout. Screens that
    /// only watch (the wall, the delegation view) never idle out: nobody touches them by design.
    /// </summary>
    public bool IsIdle(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Wall) || user.IsInRole(Roles.DemoGuest))
        {
            return false;
        }

        var session = user.FindFirstValue(ClaimNames.Session);
        if (session is null || !lastInput.TryGetValue(session, out var last))
        {
            return true;
        }

        return time.GetUtcNow() - last > options.Value.IdleTimeout;
    }
}
