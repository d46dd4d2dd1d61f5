namespace CommandCenter.Components;

/// <summary>
/// A tile server for the maps, where a site has one (a provincial map service, a self-hosted OpenStreetMap
/// server); without one every map draws the offline county map. The tiles must be in WGS-84 web-mercator
/// (天地图 and OpenStreetMap are; GCJ-02 sets such as 高德 would put every marker hundreds of metres off).
/// They belong to the shell because <c>App</c> writes them into every page's head, where each map module reads them.
/// </summary>
public class TileOptions
{
    public const string Section = "Map:Tiles";

    /// <summary>The tile address with {z}, {x} and {y} (and optionally {s}), e.g. https://tiles.example.cn/{z}/{x}/{y}.png.</summary>
    public string? Url { get; set; }

    /// <summary>The credit the tile licence asks for, shown in the map's corner.</summary>
    public string? Attribution { get; set; }

    /// <summary>{s} stands for one of these sub-domains, when the URL has it.</summary>
    public string Subdomains { get; set; } = "abc";

    public int MaxZoom { get; set; } = 18;

    /// <summary>The tile server's origin, which the content security policy must allow images from; null without tiles.</summary>
    public string? Origin => Url is null ? null : new Uri(Url.Replace("{s}", Subdomains[..1], StringComparison.Ordinal)).GetLeftPart(UriPartial.Authority);

    public static bool IsValid(TileOptions options) =>
        options.Url is null
        || (Uri.TryCreate(options.Url.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && new[] { "{z}", "{x}", "{y}" }.All(part => options.Url.Contains(part, StringComparison.Ordinal))
            && options.MaxZoom is >= 1 and <= 22
            && (!options.Url.Contains("{s}", StringComparison.Ordinal) || options.Subdomains.Length > 0));
}
