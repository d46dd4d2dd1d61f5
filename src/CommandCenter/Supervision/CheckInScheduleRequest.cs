using System.Text.Json.Serialization;

namespace CommandCenter.Supervision;

/// <summary>The body of PUT check-in-schedule: the first due day, the days between deadlines, the time of day (17:00:00 when left out).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record CheckInScheduleRequest
{
    [JsonPropertyName("firstDue")]
    public DateOnly? FirstDue { get; init; }

    [JsonPropertyName("intervalDays")]
    public int? IntervalDays { get; init; }

    [JsonPropertyName("dueBy")]
    public TimeOnly? DueBy { get; init; }
}
