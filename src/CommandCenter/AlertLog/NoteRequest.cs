using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace CommandCenter.AlertLog;

/// <summary>The body of acknowledge and on-scene: an optional note for the alert's history.</summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record NoteRequest
{
    [JsonPropertyName("note")]
    [StringLength(AlertActions.MaxNoteLength)]
    public string? Note { get; init; }
}
