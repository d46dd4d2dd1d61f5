using System.ComponentModel.DataAnnotations;
using CommandCenter.Hosting.Tuning;

namespace CommandCenter.Wall;

/// <summary>The wall's chime for critical alerts (section <c>Wall:Chime</c>).</summary>
public class ChimeOptions
{
    public const string Section = "Wall:Chime";

    /// <summary>Whether the wall sounds the chime at all (a hall with another alarm may want it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Loudness in percent of the browser's full volume.</summary>
    [Range(1, 100)]
    public int Volume { get; set; } = 50;

    /// <summary>What a site may change while it runs.</summary>
    public static IReadOnlyList<TunableField> Tunable { get; } =
    [
        TunableField.Of($"{Section}:{nameof(Enabled)}", TunableKind.Switch, "Chime", "Settings.Field.ChimeEnabled"),
        TunableField.Of($"{Section}:{nameof(Volume)}", TunableKind.Whole, "Chime", "Settings.Field.ChimeVolume"),
    ];
}
