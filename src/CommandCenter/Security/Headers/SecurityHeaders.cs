namespace CommandCenter.Security.Headers;

/// <summary>
/// The response headers a level-3 system is expected to send. The content security policy allows only this
/// site's own scripts, connections and fonts, and only the stylesheets it serves plus the <c>style</c> elements
/// its UI library renders, named by hash. Style attributes stay allowed (<c>style-src-attr 'unsafe-inline'</c>):
/// MudBlazor sets them with values computed at run time (popover and snackbar positions, progress widths), which
/// no hash or nonce can name, and Leaflet positions map panes the same way.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy; <paramref name="mediaOrigins"/> (the camera platform's) may serve snapshots and video streams,
    /// <paramref name="imageOrigins"/> (the site's tile server) images; <paramref name="styleHashes"/> are the hash
    /// sources of the allowed style elements.
    /// </summary>
    public static string ContentSecurityPolicy(IEnumerable<string> mediaOrigins, IEnumerable<string>? imageOrigins = null, IEnumerable<string>? styleHashes = null)
    {
        var media = string.Join(' ', mediaOrigins.Select(o => o.TrimEnd('/')));
        var images = string.Join(' ', imageOrigins ?? []);
        var styles = string.Join(' ', (styleHashes ?? []).Distinct());
        return $"default-src 'self'; script-src 'self'; style-src 'self'; style-src-elem 'self' {styles}; style-src-attr 'unsafe-inline'; " +
            $"img-src 'self' data: blob: {media} {images}; " +
            $"font-src 'self' data:; connect-src 'self' {media}; media-src 'self' blob: {media}; worker-src 'self' blob:; object-src 'none'; " +
            "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var origins = app.ApplicationServices.GetServices<IContentSecurityOrigins>().ToList();
        var mediaOrigins = origins.SelectMany(o => o.MediaOrigins).ToList();
        var imageOrigins = origins.SelectMany(o => o.ImageOrigins).ToList();
        var styleSources = app.ApplicationServices.GetServices<IInlineStyleSource>().ToList();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityHeaders));

        // Built at the first response rather than at start-up: the styles are rendered by the UI library, which
        // needs the app's services in place. Should that fail, the pages lose their theme but every answer keeps
        // its headers: a policy that allows less, never a site that answers nothing.
        var policy = new Lazy<Task<string>>(async () =>
        {
            var hashes = new List<string>();
            try
            {
                foreach (var source in styleSources)
                {
                    hashes.AddRange((await source.StylesAsync(CancellationToken.None)).Select(InlineStyleHashes.Source));
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IOException)
            {
                logger.LogError(exception, "The inline styles could not be rendered; the content security policy allows none.");
                hashes.Clear();
            }

            return Tidy(ContentSecurityPolicy(mediaOrigins, imageOrigins, hashes));
        });
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(async () =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = await policy.Value;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }
            });
            await next(context);
        });
    }

    private static string Tidy(string policy)
    {
        while (policy.Contains("  ", StringComparison.Ordinal))
        {
            policy = policy.Replace("  ", " ", StringComparison.Ordinal);
        }

        return policy.Replace(" ;", ";", StringComparison.Ordinal);
    }
}
