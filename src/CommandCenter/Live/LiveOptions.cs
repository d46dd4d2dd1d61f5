using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Live;

public class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often coalesced position frames are pushed; 250 ms keeps each client at or under 4 frames a second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
