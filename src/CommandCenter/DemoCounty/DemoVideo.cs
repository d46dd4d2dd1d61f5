using CommandCenter.Hosting;
using Microsoft.Extensions.Options;

namespace CommandCenter.DemoCounty;

/// <summary>
/// Runs the demo's test cards while the app runs: links the chosen cameras, starts one ffmpeg each and stops
/// them all (TERM) when the app stops; the folder they wrote is removed. Without ffmpeg on the machine the
/// demo's cameras stay "not connected" and the log says why.
/// </summary>
public sealed class DemoVideo(DemoVideoCameras cameras, IOptions<DemoVideoOptions> options, IOptions<SiteOptions> site, ILogger<DemoVideo> log)
    : BackgroundService
{
    /// <summary>The cameras whose files the endpoint may serve, by code; empty until the cards are started.</summary>
    public IReadOnlySet<string> Codes { get; private set; } = new HashSet<string>();

    public string Folder => options.Value.FolderOrDefault;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!FfmpegFound())
        {
            log.LogWarning("ffmpeg ({Ffmpeg}) was not found: the demo's cameras stay without video (install Debian's ffmpeg)", options.Value.Ffmpeg);
            return;
        }

        var chosen = await cameras.LinkAsync(options.Value.Streams, stoppingToken);
        Codes = chosen.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        log.LogInformation("Demo test cards for {Cameras} in {Folder}", string.Join(", ", Codes), Folder);
        try
        {
            await Task.WhenAll(chosen.Select(c =>
                new TestCard(c.Name, Path.Combine(Folder, c.Code), options.Value, site.Value.TimeZone, log).RunAsync(stoppingToken)));
        }
        finally
        {
            if (string.IsNullOrWhiteSpace(options.Value.Folder) && Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    private bool FfmpegFound()
    {
        var ffmpeg = options.Value.Ffmpeg;
        return Path.IsPathRooted(ffmpeg)
            ? File.Exists(ffmpeg)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, ffmpeg)));
    }
}
