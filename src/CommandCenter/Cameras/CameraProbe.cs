using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CommandCenter.Cameras;

/// <summary>
/// Fetches one link the way a player would and judges what came back: a stream link must answer with an HLS
/// playlist that lists media, a snapshot link with a JPEG. An error page, a login form or a stalled platform
/// counts as no signal, which a status code alone would not catch.
/// </summary>
public sealed class CameraProbe(IHttpClientFactory clients, IServer server, IOptionsMonitor<CameraOptions> options, ILogger<CameraProbe> log)
{
    public const string HttpClientName = "CameraProbe";

    // Enough for any live playlist and a JPEG's first bytes; a probe never downloads a whole segment.
    private const int MaxBytes = 64 * 1024;

    public async Task<bool> IsLiveAsync(string address, bool isStream, CancellationToken cancellationToken)
    {
        if (Absolute(address) is not { } uri)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.ProbeTimeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[MaxBytes];
            var length = await body.ReadAtLeastAsync(buffer, MaxBytes, throwOnEndOfStream: false, timeout.Token);
            return isStream ? IsPlaylist(buffer.AsSpan(0, length)) : IsJpeg(buffer.AsSpan(0, length));
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            log.LogDebug("Camera link {Address} did not answer: {Reason}", uri, exception.Message);
            return false;
        }
    }

    /// <summary>A playlist starts with #EXTM3U and names segments (a media playlist) or variants (a master playlist).</summary>
    public static bool IsPlaylist(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return text.StartsWith("#EXTM3U", StringComparison.Ordinal)
            && (text.Contains("#EXTINF", StringComparison.Ordinal) || text.Contains("#EXT-X-STREAM-INF", StringComparison.Ordinal));
    }

    /// <summary>Every JPEG starts with the start-of-image marker followed by another marker.</summary>
    public static bool IsJpeg(ReadOnlySpan<byte> body) => body is [0xFF, 0xD8, 0xFF, ..];

    /// <summary>A path on this server is fetched from the server's own loopback address.</summary>
    private Uri? Absolute(string address)
    {
        if (!CameraLinks.IsLocal(address))
        {
            return Uri.TryCreate(address, UriKind.Absolute, out var absolute) ? absolute : null;
        }

        var own = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (own is null)
        {
            return null;
        }

        var bound = new UriBuilder(own.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (bound.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            bound.Host = "127.0.0.1";
        }

        return new Uri(bound.Uri, address);
    }
}
