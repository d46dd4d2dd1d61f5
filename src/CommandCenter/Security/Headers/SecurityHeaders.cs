namespace CommandCenter.Security.Headers;

/// <summary>
/// The response headers a level-3 system is expected to send. The content security policy allows only
/// this site's own scripts, connections and fonts; inline styles are allowed because MudBlazor and
/// Leaflet position elements with style attributes.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy; the camera platform's origins (if any) may serve snapshots and video streams, the site's tile
    /// server (if any) map images.
    /// </summary>
    public static string ContentSecurityPolicy(IEnumerable<string> mediaOrigins, string? tileOrigin = null)
    {
        var media = string.Join(' ', mediaOrigins.Select(o => o.TrimEnd('/')));
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: {media} {tileOrigin}; " +
            $"font-src 'self' data:; connect-src 'self' {media}; media-src 'self' blob: {media}; worker-src 'self' blob:; object-src 'none'; " +
            "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IEnumerable<string> mediaOrigins, string? tileOrigin)
    {
        var policy = ContentSecurityPolicy(mediaOrigins, tileOrigin).Replace("  ", " ").Replace(" ;", ";");
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
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
}
