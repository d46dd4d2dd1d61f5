namespace CommandCenter.Site.Settings;

/// <summary>The site's tunable settings; send <see cref="Version"/> back with a change (a stale one is refused with 409).</summary>
public sealed record SettingsView(int Version, DateTimeOffset? UpdatedAt, string? UpdatedBy, IReadOnlyList<SettingView> Settings);
