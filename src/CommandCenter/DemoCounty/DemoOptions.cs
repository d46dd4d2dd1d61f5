using System.ComponentModel.DataAnnotations;

namespace CommandCenter.DemoCounty;

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

    /// <summary>Where to write the demo accounts' passwords (readable by the owner only); none when empty.</summary>
    public string? AccountsFile { get; set; }

    /// <summary>How often every simulated device reports.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SimulatorInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Give the people under strict supervision a home zone with a night curfew (22:00-06:00).</summary>
    public bool Curfews { get; set; } = true;

    /// <summary>County exits and entries into banned zones across the whole county, per hour.</summary>
    [Range(0.0, 10_000.0)]
    public double ZoneViolationsPerHour { get; set; } = 12;

    /// <summary>During curfew hours, people under curfew who stay out, per hour.</summary>
    [Range(0.0, 10_000.0)]
    public double CurfewBreachesPerHour { get; set; } = 4;

    /// <summary>Devices that lose their signal for a while (20 to 90 minutes), per hour: the commonest alert in the field.</summary>
    [Range(0.0, 10_000.0)]
    public double SignalLossesPerHour { get; set; } = 6;

    /// <summary>How fast batteries run down while off the charger (they charge at home overnight).</summary>
    [Range(0.0, 100.0)]
    public double BatteryDrainPercentPerHour { get; set; } = 4;

    /// <summary>An extra chance per tick of a zone violation, for tests and demonstrations that want one soon.</summary>
    [Range(0.0, 1.0)]
    public double ViolationChancePerTick { get; set; }

    /// <summary>Command-line switches: <c>--subjects 50000</c> seeds (and simulates) that many people, for load.</summary>
    public static IReadOnlyDictionary<string, string> Switches { get; } = new Dictionary<string, string>
    {
        ["--subjects"] = $"{Section}:{nameof(SubjectCount)}",
    };
}
