using System.Text.Json.Serialization;

namespace CommandCenter.Site.Settings;

/// <summary>
/// The body of PUT /api/v1/site/settings: the version the change was made from, and the settings to change
/// by configuration key; a null value resets the setting to its default. Settings not named keep their value.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SettingsChange
{
    [JsonPropertyName("version")]
    public int? Version { get; init; }

    [JsonPropertyName("values")]
    public Dictionary<string, string?>? Values { get; init; }
}
