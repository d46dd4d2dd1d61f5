using System.Text.Json.Serialization;

namespace CommandCenter.Supervision;

/// <summary>The body of POST check-ins: how (FaceSignIn, App, Office), when (now when left out) and a note.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record CheckInRequest
{
    [JsonPropertyName("method")]
    public CheckInMethod? Method { get; init; }

    [JsonPropertyName("at")]
    public DateTimeOffset? At { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
