using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace CommandCenter.AlertLog;

/// <summary>The body of dispatch: the squad sent, and a note.</summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record DispatchRequest
{
    [JsonPropertyName("squadId")]
    [Range(1, int.MaxValue)]
    public int? SquadId { get; init; }

    [JsonPropertyName("note")]
    [StringLength(AlertActions.MaxNoteLength)]
    public string? Note { get; init; }
}
