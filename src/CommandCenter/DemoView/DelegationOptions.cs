using System.ComponentModel.DataAnnotations;

namespace CommandCenter.DemoView;

public class DelegationOptions
{
    public const string Section = "Delegation";

    /// <summary>The grid positions are snapped to, in degrees (0.02° is about 2 km here): coarse enough that no home can be found.</summary>
    [Range(0.005, 1.0)]
    public double CellDegrees { get; set; } = 0.02;

    /// <summary>How often the masked picture is refreshed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long each scene of the rotating view stays on the wall.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan SceneDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest a signed demo link may be valid.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan MaxLinkValidity { get; set; } = TimeSpan.FromDays(3);
}
