using System.ComponentModel.DataAnnotations;
using CommandCenter.Alerts.Patterns;
using CommandCenter.Hosting.Tuning;

namespace CommandCenter.Ingest.Patterns;

/// <summary>
/// The pattern warnings (section <c>Patterns</c>) that no single fix shows: 昼伏夜出 (night activity against the person's
/// own earlier weeks) and 同案犯聚集 (co-defendants together). Each is switchable; their severities are the alerts' own
/// settings (<c>Alerts:Severities</c>), minor by default.
/// </summary>
public class PatternOptions : ICheckedOptions
{
    public const string Section = "Patterns";

    public bool NightActivityEnabled { get; set; } = true;

    /// <summary>The night starts at this time of day (site time)...</summary>
    public TimeOnly NightFrom { get; set; } = new(22, 0);

    /// <summary>...and ends at this one, the next morning when it is earlier than <see cref="NightFrom"/>.</summary>
    public TimeOnly NightUntil { get; set; } = new(6, 0);

    /// <summary>The days judged, ending yesterday.</summary>
    [Range(3, 28)]
    public int NightRecentDays { get; set; } = 7;

    /// <summary>The person's own earlier weeks the recent days are compared with.</summary>
    [Range(1, 8)]
    public int NightEarlierWeeks { get; set; } = 3;

    /// <summary>The night's share of the recent movement, in percent, from which most movement was at night.</summary>
    [Range(50, 100)]
    public int NightSharePercent { get; set; } = 60;

    /// <summary>How many percentage points the night share must rise above the earlier weeks'.</summary>
    [Range(5, 100)]
    public int NightRisePoints { get; set; } = 30;

    /// <summary>The least movement over the recent days, in metres, worth judging.</summary>
    [Range(0, 1_000_000)]
    public int NightMinMetres { get; set; } = 2000;

    /// <summary>The recent days with fixes needed before judging.</summary>
    [Range(1, 28)]
    public int NightMinRecentDays { get; set; } = 5;

    /// <summary>The earlier days with fixes needed before judging.</summary>
    [Range(1, 56)]
    public int NightMinEarlierDays { get; set; } = 10;

    /// <summary>How often the night judgement runs; it judges whole days, so the hour only bounds how late after midnight it comes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan NightCheckEvery { get; set; } = TimeSpan.FromHours(1);

    public bool CoDefendantEnabled { get; set; } = true;

    /// <summary>Within this distance, in metres, two co-defendants are together.</summary>
    [Range(10, 5000)]
    public int CoDefendantMeters { get; set; } = 200;

    /// <summary>Together this long without a break is a meeting.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "06:00:00")]
    public TimeSpan CoDefendantMinutes { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Fixes of the two further apart in time than this are not compared, and a longer silence breaks a stretch.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan CoDefendantMaxGap { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often the meetings are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan CoDefendantCheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>What a site may change while it runs.</summary>
    public static IReadOnlyList<TunableField> Tunable { get; } =
    [
        TunableField.Of($"{Section}:{nameof(NightActivityEnabled)}", TunableKind.Switch, "Patterns", "Settings.Field.NightActivityEnabled"),
        TunableField.Of($"{Section}:{nameof(NightFrom)}", TunableKind.TimeOfDay, "Patterns", "Settings.Field.NightFrom"),
        TunableField.Of($"{Section}:{nameof(NightUntil)}", TunableKind.TimeOfDay, "Patterns", "Settings.Field.NightUntil"),
        TunableField.Of($"{Section}:{nameof(NightRecentDays)}", TunableKind.Whole, "Patterns", "Settings.Field.NightRecentDays"),
        TunableField.Of($"{Section}:{nameof(NightEarlierWeeks)}", TunableKind.Whole, "Patterns", "Settings.Field.NightEarlierWeeks"),
        TunableField.Of($"{Section}:{nameof(NightSharePercent)}", TunableKind.Whole, "Patterns", "Settings.Field.NightSharePercent"),
        TunableField.Of($"{Section}:{nameof(NightRisePoints)}", TunableKind.Whole, "Patterns", "Settings.Field.NightRisePoints"),
        TunableField.Of($"{Section}:{nameof(NightMinMetres)}", TunableKind.Whole, "Patterns", "Settings.Field.NightMinMetres"),
        TunableField.Of($"{Section}:{nameof(NightMinRecentDays)}", TunableKind.Whole, "Patterns", "Settings.Field.NightMinRecentDays"),
        TunableField.Of($"{Section}:{nameof(NightMinEarlierDays)}", TunableKind.Whole, "Patterns", "Settings.Field.NightMinEarlierDays"),
        TunableField.Of($"{Section}:{nameof(CoDefendantEnabled)}", TunableKind.Switch, "Patterns", "Settings.Field.CoDefendantEnabled"),
        TunableField.Of($"{Section}:{nameof(CoDefendantMeters)}", TunableKind.Whole, "Patterns", "Settings.Field.CoDefendantMeters"),
        TunableField.Of($"{Section}:{nameof(CoDefendantMinutes)}", TunableKind.Duration, "Patterns", "Settings.Field.CoDefendantMinutes"),
    ];

    public IEnumerable<OptionsProblem> Problems()
    {
        if (NightFrom == NightUntil)
        {
            yield return new OptionsProblem($"{Section}:{nameof(NightUntil)}", "The night must end at another time than it starts.");
        }

        if (NightMinRecentDays > NightRecentDays)
        {
            yield return new OptionsProblem($"{Section}:{nameof(NightMinRecentDays)}", $"At most the {NightRecentDays} days judged.");
        }

        if (NightMinEarlierDays > 7 * NightEarlierWeeks)
        {
            yield return new OptionsProblem($"{Section}:{nameof(NightMinEarlierDays)}", $"At most the {7 * NightEarlierWeeks} earlier days.");
        }

        if (CoDefendantMaxGap >= CoDefendantMinutes)
        {
            yield return new OptionsProblem($"{Section}:{nameof(CoDefendantMaxGap)}", "The gap allowed between fixes must be shorter than the time together.");
        }
    }

    public NightActivityThresholds ToNightThresholds() => new()
    {
        RecentDays = NightRecentDays,
        EarlierWeeks = NightEarlierWeeks,
        MinNightShare = NightSharePercent / 100.0,
        MinRise = NightRisePoints / 100.0,
        MinRecentMetres = NightMinMetres,
        MinRecentDays = NightMinRecentDays,
        MinEarlierDays = NightMinEarlierDays,
    };

    public ProximityThresholds ToProximityThresholds() => new()
    {
        WithinMetres = CoDefendantMeters,
        Sustained = CoDefendantMinutes,
        MaxGap = CoDefendantMaxGap,
    };
}
