using CommandCenter.Live;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.AlertLog;

/// <summary>
/// Renders what the rules said about an alert (a message key and its arguments) in the reader's language.
/// Alerts and steps stored before the rules wrote keys keep the sentence they were stored with.
/// </summary>
public static class AlertTexts
{
    /// <summary>The alert's explanation in the current UI culture, or null when it has none.</summary>
    public static string? Detail(this IStringLocalizer<UiText> text, AlertMessage alert) =>
        Render(text, alert.DetailKey, alert.DetailArgs) ?? alert.Detail;

    /// <summary>The step's note in the current UI culture, or null when it has none.</summary>
    public static string? Note(this IStringLocalizer<UiText> text, AlertEventView step) =>
        Render(text, step.NoteKey, step.NoteArgs) ?? step.Note;

    /// <summary>The message of a key and its arguments in the current UI culture.</summary>
    public static string? Render(this IStringLocalizer<UiText> text, string? key, IReadOnlyList<string>? args) =>
        key is null ? null : text[key, [.. args ?? []]].Value;

    /// <summary>The alert as an API answers it: its explanation rendered for the caller.</summary>
    public static AlertMessage Rendered(this IStringLocalizer<UiText> text, AlertMessage alert) =>
        alert with { Detail = text.Detail(alert) };

    /// <summary>The alert and its history as an API answers them: every explanation and system note rendered for the caller.</summary>
    public static AlertDetails Rendered(this IStringLocalizer<UiText> text, AlertDetails details) =>
        details with { Alert = text.Rendered(details.Alert), Events = [.. details.Events.Select(e => e with { Note = text.Note(e) })] };
}
