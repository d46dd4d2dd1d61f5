using System.ComponentModel.DataAnnotations;
using CommandCenter.Hosting.Tuning;

namespace CommandCenter.RollCalls;

/// <summary>Roll calls before a camera (视频点名), section <c>RollCalls</c>.</summary>
public class RollCallOptions
{
    public const string Section = "RollCalls";

    /// <summary>How long the people called have to reach the camera, when the officer names no other time.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "04:00:00")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most people one roll call may call: a camera's picture shows only so many faces.</summary>
    [Range(1, 100)]
    public int MaxAttendees { get; set; } = 20;

    /// <summary>What a site may change while it runs.</summary>
    public static IReadOnlyList<TunableField> Tunable { get; } =
    [
        TunableField.Of($"{Section}:{nameof(Deadline)}", TunableKind.Duration, "RollCalls", "Settings.Field.RollCallDeadline"),
        TunableField.Of($"{Section}:{nameof(MaxAttendees)}", TunableKind.Whole, "RollCalls", "Settings.Field.RollCallMaxAttendees"),
    ];
}
