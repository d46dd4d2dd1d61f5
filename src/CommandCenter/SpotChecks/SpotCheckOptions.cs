using System.ComponentModel.DataAnnotations;
using CommandCenter.Hosting.Tuning;

namespace CommandCenter.SpotChecks;

/// <summary>Spot checks (信息化核查), section <c>SpotChecks</c>: when random ones are drawn, how often per supervision level, and what an answer must meet.</summary>
public class SpotCheckOptions
{
    public const string Section = "SpotChecks";

    /// <summary>
    /// Whether checks are drawn at random at all (on-demand checks are always possible). Off until a site switches it
    /// on in its settings, once its subjects' phones are enrolled: every unanswered check raises an alert.
    /// </summary>
    public bool RandomEnabled { get; set; }

    /// <summary>Random checks are sent from this time of day (site time)...</summary>
    public TimeOnly From { get; set; } = new(8, 0);

    /// <summary>...until this time of day.</summary>
    public TimeOnly Until { get; set; } = new(20, 0);

    /// <summary>Random checks a week for a subject under 严管.</summary>
    [Range(0, 70)]
    public int StrictPerWeek { get; set; } = 7;

    /// <summary>Random checks a week under 普管.</summary>
    [Range(0, 70)]
    public int OrdinaryPerWeek { get; set; } = 3;

    /// <summary>Random checks a week under 宽管.</summary>
    [Range(0, 70)]
    public int LenientPerWeek { get; set; } = 1;

    /// <summary>How long the subject has to answer.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "02:00:00")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far from where they should be (home, or the leave's destination) an answer may come from, in metres.</summary>
    [Range(50, 50_000)]
    public int AllowedMeters { get; set; } = 500;

    /// <summary>The largest answer photo accepted, in bytes.</summary>
    [Range(64 * 1024, 20 * 1024 * 1024)]
    public int MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>A face-comparison service's URL (see docs/face-service.md); none by default, and then the officer alone judges.</summary>
    [Url]
    public string? FaceServiceUrl { get; set; }

    /// <summary>What a site may change while it runs.</summary>
    public static IReadOnlyList<TunableField> Tunable { get; } =
    [
        TunableField.Of($"{Section}:{nameof(RandomEnabled)}", TunableKind.Switch, "SpotChecks", "Settings.Field.SpotCheckRandomEnabled"),
        TunableField.Of($"{Section}:{nameof(From)}", TunableKind.TimeOfDay, "SpotChecks", "Settings.Field.SpotCheckFrom"),
        TunableField.Of($"{Section}:{nameof(Until)}", TunableKind.TimeOfDay, "SpotChecks", "Settings.Field.SpotCheckUntil"),
        TunableField.Of($"{Section}:{nameof(StrictPerWeek)}", TunableKind.Whole, "SpotChecks", "Settings.Field.SpotCheckStrictPerWeek"),
        TunableField.Of($"{Section}:{nameof(OrdinaryPerWeek)}", TunableKind.Whole, "SpotChecks", "Settings.Field.SpotCheckOrdinaryPerWeek"),
        TunableField.Of($"{Section}:{nameof(LenientPerWeek)}", TunableKind.Whole, "SpotChecks", "Settings.Field.SpotCheckLenientPerWeek"),
        TunableField.Of($"{Section}:{nameof(Deadline)}", TunableKind.Duration, "SpotChecks", "Settings.Field.SpotCheckDeadline"),
        TunableField.Of($"{Section}:{nameof(AllowedMeters)}", TunableKind.Whole, "SpotChecks", "Settings.Field.SpotCheckAllowedMeters"),
    ];

    /// <summary>Random checks a week at a supervision level.</summary>
    public int PerWeek(Subjects.SupervisionLevel level) => level switch
    {
        Subjects.SupervisionLevel.Strict => StrictPerWeek,
        Subjects.SupervisionLevel.Ordinary => OrdinaryPerWeek,
        _ => LenientPerWeek,
    };
}
