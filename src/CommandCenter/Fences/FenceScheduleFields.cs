using System.Globalization;

namespace CommandCenter.Fences;

/// <summary>
/// A fence's schedule as the API and the editor exchange it: dates as yyyy-MM-dd, either end open, and
/// weekly windows; no windows means all day on the dates in range.
/// </summary>
public record FenceScheduleFields(string? From, string? To, List<WeeklyWindowFields>? Windows)
{
    public static FenceScheduleFields Of(GeofenceSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(
            schedule.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            schedule.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [.. schedule.Windows.Select(w => new WeeklyWindowFields(
                [.. w.Days],
                w.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
                w.End.ToString("HH:mm", CultureInfo.InvariantCulture)))]);
    }
}
