using System.ComponentModel.DataAnnotations;

namespace CommandCenter.DemoCounty;

/// <summary>
/// The demo's live cameras: ffmpeg draws a moving test card with the camera's name and the time, as HLS and a
/// snapshot that refreshes, for the cameras nearest the demo's banned zones, where its violations happen.
/// Only while the demo county is seeded.
/// </summary>
public class DemoVideoOptions
{
    public const string Section = "Demo:Video";

    /// <summary>How many cameras get a live test card (one ffmpeg process each); 0 turns the demo's video off.</summary>
    [Range(0, 16)]
    public int Streams { get; set; } = 4;

    /// <summary>Where the streams are written; a folder of this process under the system's temporary folder when empty.</summary>
    public string? Folder { get; set; }

    /// <summary>The ffmpeg program (Debian's package), found on the PATH unless a path is given.</summary>
    [Required]
    public string Ffmpeg { get; set; } = "ffmpeg";

    /// <summary>A font with Chinese glyphs for the camera names on the card (Debian's fonts-noto-cjk).</summary>
    [Required]
    public string FontFile { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /// <summary>How long to wait before starting a test card again after its ffmpeg died.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(3);

    public string FolderOrDefault =>
        string.IsNullOrWhiteSpace(Folder) ? Path.Combine(Path.GetTempPath(), $"command-center-demo-video-{Environment.ProcessId}") : Folder;
}
