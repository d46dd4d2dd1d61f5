using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommandCenter.Hosting;

namespace CommandCenter.Fences;

/// <summary>
/// A fence's schedule as the API and the editor exchange it: dates as yyyy-MM-dd, either end open, and
/// weekly windows; no windows means all day on the dates in range.
/// </summary>
public record FenceScheduleFields(
    [property: PlausibleDate] string? From,
    [property: PlausibleDate] string? To,
    [property: MaxLength(FenceScheduleFields.MaxWindows)] List<WeeklyWindowFields>? Windows)
{
    /// <summary>Three windows a day for every day of the week, and then some.</summary>
    public const int MaxWindows = 50;

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
