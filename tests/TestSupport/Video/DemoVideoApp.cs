using CommandCenter.TestSupport.Hosting;
using Xunit;

namespace CommandCenter.TestSupport.Video;

/// <summary>The small demo county with two of the demo's own ffmpeg test cards, written into a folder the test can watch.</summary>
public class DemoVideoApp : SmallCountyApp, IAsyncLifetime
{
    public string VideoFolder { get; } = Directory.CreateTempSubdirectory("cc-demo-video-").FullName;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Demo:Video:Streams"] = "2",
        ["Demo:Video:Folder"] = VideoFolder,
        ["Demo:Video:RestartDelay"] = "00:00:00.500",
        ["Cameras:ProbeInterval"] = "00:00:01",
    };

    /// <summary>The ids of the running processes whose working folder is inside the video folder (ffmpeg and its watchdog).</summary>
    public IReadOnlyList<int> ProcessesInFolder() =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : -1)
            .Where(pid => pid > 0 && WorkingFolder(pid)?.StartsWith(VideoFolder, StringComparison.Ordinal) == true),
    ];

    private static string? WorkingFolder(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(VideoFolder, recursive: true);
    }
}
