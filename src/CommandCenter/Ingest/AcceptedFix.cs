using CommandCenter.Alerts.Rules;

namespace CommandCenter.Ingest;

/// <summary>A fix that passed validation and whose device proved itself; speed in km/h.</summary>
public record AcceptedFix(
    RegisteredDevice Device,
    DateTimeOffset FixTime,
    double Latitude,
    double Longitude,
    double? Accuracy,
    double? Speed,
    double? Heading,
    int? Battery)
{
    public bool? Charging { get; init; }

    public DeviceEvent Event { get; init; }
}
