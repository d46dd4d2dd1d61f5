using System.ComponentModel.DataAnnotations;
using CommandCenter.Hosting.Tuning;

namespace CommandCenter.Hosting;

/// <summary>Who and where this installation is.</summary>
public class SiteOptions
{
    public const string Section = "Site";

    /// <summary>What the site may change on its settings page: the name, not the time zone every stored day depends on.</summary>
    public static IReadOnlyList<TunableField> Tunable { get; } =
    [
        TunableField.Of($"{Section}:{nameof(BrigadeName)}", TunableKind.Text, "Site", "Settings.Field.BrigadeName"),
        TunableField.Of($"{Section}:{nameof(BrigadeFoundedOn)}", TunableKind.Date, "Site", "Settings.Field.BrigadeFoundedOn"),
    ];

    /// <summary>The organisation shown in the header of every screen; read it through IOptionsMonitor, as the site may rename it.</summary>
    [Required]
    [StringLength(TunableField.MaxTextLength)]
    public string BrigadeName { get; set; } = "XX县社区矫正大队";

    /// <summary>An IANA time zone id, resolved through the system's time-zone database.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// The day the brigade was founded. While no 脱管/漏管 has been recorded, the days without one are
    /// counted from here (the default is the day the Community Corrections Law took effect). A site sets its own
    /// on the settings page; the panel shows the day it counts from.
    /// </summary>
    public DateOnly BrigadeFoundedOn { get; set; } = new(2020, 7, 1);
}
