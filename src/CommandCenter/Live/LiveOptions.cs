using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Live;

public class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often coalesced position frames are pushed; 250 ms keeps each client at or under 4 frames a second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How far back a wall that was away can be told what it missed; older entries of the live log are deleted.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan LogKept { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a node waits for a wake-up before it reads the live log anyway (a NOTIFY is lost while its
    /// connection is down; the log is not).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan TailPoll { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The most alert messages one catch-up replays; a wall away for longer reloads its picture (paged) instead.
    /// </summary>
    [Range(100, 1_000_000)]
    public int ReplayLimit { get; set; } = 20_000;

    /// <summary>
    /// Redis for SignalR's backplane when several nodes serve the hall (e.g. "127.0.0.1:6379"); none for one node.
    /// </summary>
    public string? Redis { get; set; }
}
