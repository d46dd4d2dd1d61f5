using CommandCenter.Alerts.Tracking;

namespace CommandCenter.Alerts.Rules;

/// <summary>One accepted fix (or device event with a position) of a subject, as the rules see it.</summary>
/// <param name="Subject">The subject's facts as the device directory knows them now.</param>
/// <param name="FixTime">When the fix was taken (device time).</param>
/// <param name="Longitude">WGS-84 longitude.</param>
/// <param name="Latitude">WGS-84 latitude.</param>
public sealed record FixReport(SubjectFacts Subject, DateTimeOffset FixTime, double Longitude, double Latitude)
{
    /// <summary>Horizontal accuracy in metres, if reported.</summary>
    public double? AccuracyMetres { get; init; }

    /// <summary>Battery charge in percent, if reported.</summary>
    public int? BatteryPercent { get; init; }

    /// <summary>Whether the device is charging, if reported.</summary>
    public bool? Charging { get; init; }

    /// <summary>What the device says happened, if anything.</summary>
    public DeviceEvent Event { get; init; }
}
