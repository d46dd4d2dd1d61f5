using System.Text.Json.Serialization;

namespace CommandCenter.Ingest;

/// <summary>The body of POST /api/v1/positions. A batch is atomic: all of it is stored, or none of it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record PositionBatch
{
    [JsonPropertyName("positions")]
    public List<PositionItem>? Positions { get; init; }
}
