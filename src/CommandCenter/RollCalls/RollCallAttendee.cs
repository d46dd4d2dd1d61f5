namespace CommandCenter.RollCalls;

/// <summary>One person called to a roll call, and the officer's mark once given; a mark is final, as evidence is.</summary>
public class RollCallAttendee
{
    public long Id { get; set; }
    public long RollCallId { get; set; }
    public int SubjectId { get; set; }

    /// <summary>Null until an officer marks the person.</summary>
    public RollCallMark? Mark { get; set; }

    /// <summary>Why, in the officer's words: the reason for an excuse, what was seen.</summary>
    public string? Note { get; set; }

    public string? MarkedBy { get; set; }
    public DateTimeOffset? MarkedAt { get; set; }
}
