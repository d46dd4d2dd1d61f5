namespace CommandCenter.Fences;

/// <summary>
/// A window of the week in which a fence is active, as stored in the fence's schedule (jsonb);
/// <see cref="End"/> before <see cref="Start"/> crosses midnight. The rules use
/// <see cref="Geo.Schedules.WeeklyWindow"/>, made from this by <see cref="FenceCatalog.ToDefinition"/>.
/// Two types because the storage shape must differ: EF Core maps an owned JSON type through settable
/// properties and a parameterless constructor, while the engine's window is immutable, validated when it is
/// made and keeps its days as a bit mask. Storing the engine's type would give up one or the other.
/// </summary>
public class WeeklyWindow
{
    public List<DayOfWeek> Days { get; set; } = [];
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}
