using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommandCenter.Hosting;

namespace CommandCenter.Supervision;

/// <summary>
/// The body of POST leave-permits, a request for leave: the period, the destination's name and area (a GeoJSON Polygon or
/// MultiPolygon, WGS-84), a buffer, the purpose, and whether it is urgent (asked with less notice than the rules want) and why.
/// </summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record LeavePermitRequest
{
    [JsonPropertyName("startsAt")]
    [PlausibleDate]
    public DateTimeOffset? StartsAt { get; init; }

    [JsonPropertyName("endsAt")]
    [PlausibleDate]
    public DateTimeOffset? EndsAt { get; init; }

    [JsonPropertyName("destination")]
    [StringLength(100)]
    public string? Destination { get; init; }

    [JsonPropertyName("area")]
    public JsonElement? Area { get; init; }

    [JsonPropertyName("bufferMeters")]
    [Range(0, 50_000)]
    public double? BufferMeters { get; init; }

    [JsonPropertyName("purpose")]
    [StringLength(SupervisionService.MaxTextLength)]
    public string? Purpose { get; init; }

    [JsonPropertyName("urgent")]
    public bool? Urgent { get; init; }

    [JsonPropertyName("urgentReason")]
    [StringLength(SupervisionService.MaxTextLength)]
    public string? UrgentReason { get; init; }
}
