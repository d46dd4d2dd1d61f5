using System.ComponentModel.DataAnnotations;
using CommandCenter.Hosting.Tuning;

namespace CommandCenter.Supervision;

/// <summary>The defaults of a new check-in schedule (section <c>CheckIns</c>), used where an officer names no other.</summary>
public class CheckInOptions
{
    public const string Section = "CheckIns";

    /// <summary>Days between two check-in deadlines.</summary>
    [Range(1, 366)]
    public int IntervalDays { get; set; } = 7;

    /// <summary>The time of day (site time) by which a check-in is due.</summary>
    public TimeOnly DueBy { get; set; } = new(17, 0);

    /// <summary>What a site may change while it runs.</summary>
    public static IReadOnlyList<TunableField> Tunable { get; } =
    [
        TunableField.Of($"{Section}:{nameof(IntervalDays)}", TunableKind.Whole, "CheckIns", "Settings.Field.CheckInIntervalDays"),
        TunableField.Of($"{Section}:{nameof(DueBy)}", TunableKind.TimeOfDay, "CheckIns", "Settings.Field.CheckInDueBy"),
    ];
}
