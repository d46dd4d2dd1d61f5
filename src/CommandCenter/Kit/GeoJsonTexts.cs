using CommandCenter.Geo.GeoJson;
using CommandCenter.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Kit;

/// <summary>Renders what the GeoJSON import said (a key and its arguments) in the reader's language.</summary>
public static class GeoJsonTexts
{
    public static string Message(this IStringLocalizer<UiText> text, GeoJsonIssue issue) => text[issue.Key, [.. issue.Args]];

    /// <summary>"feature 2, polygon 0, ring 1: …": the place stays as the file's path, the message in the reader's language.</summary>
    public static string Described(this IStringLocalizer<UiText> text, GeoJsonIssue issue) => $"{issue.Location}: {text.Message(issue)}";
}
