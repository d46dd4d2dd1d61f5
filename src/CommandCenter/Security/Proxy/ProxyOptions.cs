using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CommandCenter.Security.Proxy;

/// <summary>The reverse proxy in front of the app, and the address the product's links are handed out on.</summary>
public class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";

    /// <summary>
    /// Addresses of the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. Nobody else's are:
    /// a client that sends them itself gets its own address in the audit trail and the rate limits.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form (e.g. 172.20.0.0/16 for a compose network), where their addresses change.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>The site's address as people reach it (e.g. https://cc.example.gov.cn); links handed out (demo links) start with it.</summary>
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"'{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"'{network}' is not a network in CIDR form.", [nameof(KnownNetworks)]);
        }

        if (PublicBaseUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && uri.PathAndQuery == "/" && string.IsNullOrEmpty(uri.Fragment)))
        {
            yield return new ValidationResult($"'{url}' is not an http(s) address without a path.", [nameof(PublicBaseUrl)]);
        }
    }

    /// <summary>The public address for a path on this site, or null where none is configured.</summary>
    public string? PublicUrl(string pathAndQuery) =>
        PublicBaseUrl is { Length: > 0 } url ? url.TrimEnd('/') + pathAndQuery : null;
}
