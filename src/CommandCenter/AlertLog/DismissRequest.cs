using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace CommandCenter.AlertLog;

/// <summary>The body of dismiss: why the alert needs no action.</summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record DismissRequest
{
    [JsonPropertyName("reason")]
    [StringLength(AlertActions.MaxNoteLength)]
    public string? Reason { get; init; }
}
