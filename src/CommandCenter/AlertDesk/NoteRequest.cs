using System.Text.Json.Serialization;

namespace CommandCenter.AlertDesk;

/// <summary>The body of acknowledge and on-scene: an optional note for the alert's history.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record NoteRequest
{
    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
