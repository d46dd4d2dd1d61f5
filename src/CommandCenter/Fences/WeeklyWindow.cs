namespace CommandCenter.Fences;

/// <summary>A window of the week in which a fence is active; <see cref="End"/> before <see cref="Start"/> crosses midnight.</summary>
public class WeeklyWindow
{
    public List<DayOfWeek> Days { get; set; } = [];
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}
