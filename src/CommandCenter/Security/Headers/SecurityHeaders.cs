namespace CommandCenter.Security.Headers;

/// <summary>
/// The response headers a level-3 system is expected to send. The content security policy allows only
/// this site's own scripts, connections and fonts; inline styles are allowed because MudBlazor and
/// Leaflet position elements with style attributes.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy; <paramref name="mediaOrigins"/> (the camera platform's) may serve snapshots and video streams,
    /// <paramref name="imageOrigins"/> (the site's tile server) images.
    /// </summary>
    public static string ContentSecurityPolicy(IEnumerable<string> mediaOrigins, IEnumerable<string>? imageOrigins = null)
    {
        var media = string.Join(' ', mediaOrigins.Select(o => o.TrimEnd('/')));
        var images = string.Join(' ', imageOrigins ?? []);
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: {media} {images}; " +
            $"font-src 'self' data:; connect-src 'self' {media}; media-src 'self' blob: {media}; worker-src 'self' blob:; object-src 'none'; " +
            "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>Sends the headers on every answer; features name the origins they need through <see cref="IContentSecurityOrigins"/>.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var origins = app.ApplicationServices.GetServices<IContentSecurityOrigins>().ToList();
        var policy = Tidy(ContentSecurityPolicy(origins.SelectMany(o => o.MediaOrigins), origins.SelectMany(o => o.ImageOrigins)));
        var nonceSources = app.ApplicationServices.GetServices<IScriptNonceSource>().ToList();
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = WithNonces(policy, nonceSources.Select(s => s.ScriptNonce(context)));
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    /// <summary>Lets this answer's own inline scripts run, each named by its one-time nonce; every other script still must come from this site.</summary>
    private static string WithNonces(string policy, IEnumerable<string?> nonces)
    {
        var allowed = string.Concat(nonces.Where(n => !string.IsNullOrEmpty(n) && n.All(IsNonceCharacter)).Select(n => $" 'nonce-{n}'"));
        return allowed.Length == 0 ? policy : policy.Replace("script-src 'self'", "script-src 'self'" + allowed, StringComparison.Ordinal);
    }

    /// <summary>Base64 and base64url characters only, so a nonce can never end the directive or add another.</summary>
    private static bool IsNonceCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_';

    private static string Tidy(string policy)
    {
        while (policy.Contains("  ", StringComparison.Ordinal))
        {
            policy = policy.Replace("  ", " ", StringComparison.Ordinal);
        }

        return policy.Replace(" ;", ";", StringComparison.Ordinal);
    }
}
