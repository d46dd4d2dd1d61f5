namespace CommandCenter.Fences;

/// <summary>One weekly window as the editor holds it while it is typed: times stay text until the save checks them.</summary>
public class WindowForm
{
    public IReadOnlyCollection<DayOfWeek> Days { get; set; } = [];
    public string? Start { get; set; } = "22:00";
    public string? End { get; set; } = "06:00";
}
