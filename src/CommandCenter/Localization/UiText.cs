namespace CommandCenter.Localization;

/// <summary>
/// Marker for the user-facing text resources: UiText.resx holds the Chinese (the neutral language),
/// UiText.en.resx the English. Inject <c>IStringLocalizer&lt;UiText&gt;</c>.
/// </summary>
public sealed class UiText
{
}
