using System.Text.Json.Serialization;

namespace CommandCenter.Supervision;

/// <summary>The body of revoking a leave permit: why.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record RevokeRequest
{
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
