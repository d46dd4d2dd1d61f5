using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Site.Settings;

/// <summary>How the stored settings reach every node (section <c>Settings</c>).</summary>
public class SettingsOptions
{
    public const string Section = "Settings";

    /// <summary>How often a node asks whether another node saved newer settings (one indexed row read).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}
