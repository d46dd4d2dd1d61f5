using CommandCenter.Security.Headers;
using Microsoft.Extensions.Options;

namespace CommandCenter.Components;

/// <summary>The site's tile server, when one is configured, serves the base map's images.</summary>
public sealed class TileOrigins(IOptions<TileOptions> options) : IContentSecurityOrigins
{
    public IEnumerable<string> MediaOrigins => [];

    public IEnumerable<string> ImageOrigins => options.Value.Origin is { } origin ? [origin] : [];
}
