using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CommandCenter.Hosting;

namespace CommandCenter.Supervision;

/// <summary>The body of PUT check-in-schedule: the first due day, the days between deadlines and the time of day (the site's check-in defaults when left out).</summary>
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
