namespace CommandCenter.Site.Settings;

/// <summary>What a save came to: the settings now in force, or the status and the problems by field.</summary>
public sealed record SettingsSaveResult(int Status, SettingsView? View, IReadOnlyDictionary<string, string[]> Errors)
{
    public static SettingsSaveResult Saved(SettingsView view) => new(StatusCodes.Status200OK, view, new Dictionary<string, string[]>());

    public static SettingsSaveResult Refused(int status, IReadOnlyDictionary<string, string[]> errors) => new(status, null, errors);
}
