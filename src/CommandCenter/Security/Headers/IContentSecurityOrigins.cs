namespace CommandCenter.Security.Headers;

/// <summary>
/// A feature whose pages load from servers other than this site (the camera platform, a tile server) names
/// those origins here, so that the content security policy allows them and no others.
/// </summary>
public interface IContentSecurityOrigins
{
    /// <summary>Origins that may serve images, video streams and the connections that fetch them.</summary>
    IEnumerable<string> MediaOrigins { get; }

    /// <summary>Origins that may serve images only.</summary>
    IEnumerable<string> ImageOrigins { get; }
}
