namespace CommandCenter.Supervision;

/// <summary>One check-in (报到) of a subject: when, how, and who recorded it.</summary>
public class CheckIn
{
    public long Id { get; set; }
    public int SubjectId { get; set; }
    public DateTimeOffset At { get; set; }
    public CheckInMethod Method { get; set; }

    /// <summary>The officer or system that recorded it.</summary>
    public required string RecordedBy { get; set; }

    public string? Note { get; set; }
}
