using System.Text.Json.Serialization;

namespace CommandCenter.AlertDesk;

/// <summary>The body of dispatch: the squad sent, and a note.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record DispatchRequest
{
    [JsonPropertyName("squadId")]
    public int? SquadId { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
