namespace CommandCenter.Site.Settings;

/// <summary>
/// One tunable setting as the page and the API show it: its configuration key, how to label and edit it,
/// its default (appsettings, else the built-in value), the stored value if a commander set one, and the value in force.
/// </summary>
public sealed record SettingView(
    string Key,
    string Group,
    string Kind,
    string LabelKey,
    IReadOnlyList<string> LabelArguments,
    IReadOnlyList<string> Choices,
    string? Default,
    string? Stored,
    string? Value);
