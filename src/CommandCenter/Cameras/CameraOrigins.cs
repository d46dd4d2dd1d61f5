using CommandCenter.Security.Headers;
using Microsoft.Extensions.Options;

namespace CommandCenter.Cameras;

/// <summary>The camera platform serves snapshots and video streams from its own origins.</summary>
public sealed class CameraOrigins(IOptions<CameraOptions> options) : IContentSecurityOrigins
{
    public IEnumerable<string> MediaOrigins => options.Value.MediaOrigins;

    public IEnumerable<string> ImageOrigins => [];
}
