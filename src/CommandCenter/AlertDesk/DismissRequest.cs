using System.Text.Json.Serialization;

namespace CommandCenter.AlertDesk;

/// <summary>The body of dismiss: why the alert needs no action.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record DismissRequest
{
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
