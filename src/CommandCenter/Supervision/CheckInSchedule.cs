namespace CommandCenter.Supervision;

/// <summary>
/// When a subject must check in: every <see cref="IntervalDays"/> days from <see cref="FirstDue"/>, by
/// <see cref="DueBy"/> (site time). The law asks for the first within 10 days of the judgment.
/// </summary>
public class CheckInSchedule
{
    public int SubjectId { get; set; }
    public DateOnly FirstDue { get; set; }
    public int IntervalDays { get; set; }
    public TimeOnly DueBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
