using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CommandCenter.Hosting;

namespace CommandCenter.Supervision;

/// <summary>The body of POST check-ins: how (FaceSignIn, App, Office), when (now when left out) and a note.</summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record CheckInRequest
{
    [JsonPropertyName("method")]
    public CheckInMethod? Method { get; init; }

    [JsonPropertyName("at")]
    [PlausibleDate]
    public DateTimeOffset? At { get; init; }

    [JsonPropertyName("note")]
    [StringLength(SupervisionService.MaxTextLength)]
    public string? Note { get; init; }
}
