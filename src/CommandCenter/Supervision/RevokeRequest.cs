using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace CommandCenter.Supervision;

/// <summary>The body of revoking a leave permit: why.</summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record RevokeRequest
{
    [JsonPropertyName("reason")]
    [StringLength(SupervisionService.MaxTextLength)]
    public string? Reason { get; init; }
}
