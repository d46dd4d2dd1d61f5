using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommandCenter.Supervision;

/// <summary>The body of POST leave-permits: the period, the destination's name and area (a GeoJSON Polygon or MultiPolygon, WGS-84), a buffer and the purpose.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record LeavePermitRequest
{
    [JsonPropertyName("startsAt")]
    public DateTimeOffset? StartsAt { get; init; }

    [JsonPropertyName("endsAt")]
    public DateTimeOffset? EndsAt { get; init; }

    [JsonPropertyName("destination")]
    public string? Destination { get; init; }

    [JsonPropertyName("area")]
    public JsonElement? Area { get; init; }

    [JsonPropertyName("bufferMeters")]
    public double? BufferMeters { get; init; }

    [JsonPropertyName("purpose")]
    public string? Purpose { get; init; }
}
