namespace CommandCenter.Security.Headers;

/// <summary>
/// A feature whose page must run an inline script it cannot move into a file (a library's generated page) names
/// that answer's one-time nonce here; the content security policy of that answer then allows exactly the
/// scripts that carry it.
/// </summary>
public interface IScriptNonceSource
{
    /// <summary>The nonce of this answer's inline scripts, or null when it has none.</summary>
    string? ScriptNonce(HttpContext context);
}
