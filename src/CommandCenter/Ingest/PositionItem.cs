using System.Text.Json.Serialization;

namespace CommandCenter.Ingest;

/// <summary>One fix as a device or forwarder sends it. Unknown fields are refused so that a misspelt field is not silently lost.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record PositionItem
{
    /// <summary>The device's serial (IMEI or app id), as registered.</summary>
    [JsonPropertyName("device")]
    public string? Device { get; init; }

    /// <summary>The device's key.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }

    /// <summary>When the fix was taken, ISO 8601 with an offset (e.g. 2026-11-26T08:30:00+08:00).</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; init; }

    /// <summary>WGS-84 latitude in degrees, -90 to 90.</summary>
    [JsonPropertyName("lat")]
    public double? Latitude { get; init; }

    /// <summary>WGS-84 longitude in degrees, -180 to 180.</summary>
    [JsonPropertyName("lon")]
    public double? Longitude { get; init; }

    /// <summary>Horizontal accuracy in metres, if known.</summary>
    [JsonPropertyName("accuracy")]
    public double? Accuracy { get; init; }

    /// <summary>Speed in km/h, if known.</summary>
    [JsonPropertyName("speed")]
    public double? Speed { get; init; }

    /// <summary>Heading in degrees clockwise from north, 0 to 360, if known.</summary>
    [JsonPropertyName("heading")]
    public double? Heading { get; init; }

    /// <summary>Battery charge in percent, 0 to 100, if known.</summary>
    [JsonPropertyName("battery")]
    public int? Battery { get; init; }

    /// <summary>Whether the device is on its charger, if known (a low battery on the charger is no alarm).</summary>
    [JsonPropertyName("charging")]
    public bool? Charging { get; init; }

    /// <summary>What the device says happened: <c>powerOff</c>, <c>tamper</c> or <c>strapCut</c>; absent for an ordinary fix.</summary>
    [JsonPropertyName("event")]
    public string? Event { get; init; }
}
