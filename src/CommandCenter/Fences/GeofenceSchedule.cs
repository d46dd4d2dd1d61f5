namespace CommandCenter.Fences;

/// <summary>When a fence is active: within the date range, and within one of the weekly windows if any are given.</summary>
public class GeofenceSchedule
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public List<WeeklyWindow> Windows { get; set; } = [];
}
