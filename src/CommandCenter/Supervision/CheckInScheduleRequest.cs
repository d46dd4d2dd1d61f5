using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CommandCenter.Hosting;

namespace CommandCenter.Supervision;

/// <summary>The body of PUT check-in-schedule: the first due day, the days between deadlines, the time of day (17:00:00 when left out).</summary>
[ValidatableType]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record CheckInScheduleRequest
{
    [JsonPropertyName("firstDue")]
    [PlausibleDate]
    public DateOnly? FirstDue { get; init; }

    [JsonPropertyName("intervalDays")]
    [Range(1, 366)]
    public int? IntervalDays { get; init; }

    [JsonPropertyName("dueBy")]
    public TimeOnly? DueBy { get; init; }
}
