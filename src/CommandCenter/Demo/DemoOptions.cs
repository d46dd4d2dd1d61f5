using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Demo;

/// <summary>The synthetic demo county: whether to seed it, how big, and whether the simulator moves its people.</summary>
public class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo county into an empty database at start-up.</summary>
    public bool Seed { get; set; }

    /// <summary>Move the seeded subjects and post their fixes through the real ingest API.</summary>
    public bool Simulator { get; set; }

    /// <summary>The administrative code of the county in the bundled boundaries (371326 is 平邑县, Linyi).</summary>
    [Required]
    public string CountyCode { get; set; } = "371326";

    [Range(10, 100_000)]
    public int SubjectCount { get; set; } = 550;

    [Range(0, 10_000)]
    public int CameraCount { get; set; } = 90;

    /// <summary>The random seed: the same seed gives the same county.</summary>
    public int RandomSeed { get; set; } = 20231101;

    /// <summary>
    /// The secret the demo devices' keys are derived from (HMAC of the serial). Only the keys' hashes are
    /// stored, so the simulator needs this to sign in as the devices; keep it out of the repository.
    /// </summary>
    public string? DeviceKeySecret { get; set; }

    /// <summary>How often every simulated device reports.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SimulatorInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The chance per simulator tick that somebody leaves the county or walks into an exclusion zone.</summary>
    [Range(0.0, 1.0)]
    public double ViolationChancePerTick { get; set; } = 0.02;
}
