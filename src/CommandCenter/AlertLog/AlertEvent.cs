namespace CommandCenter.AlertLog;

/// <summary>One step of an alert's life: who did what, when, and why.</summary>
public class AlertEvent
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public AlertEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The user name, or "system" for steps the rules take.</summary>
    public required string Actor { get; set; }

    /// <summary>What the person wrote, or, for steps stored before the rules wrote message keys, the rules' sentence.</summary>
    public string? Note { get; set; }

    /// <summary>The message key of a note the system wrote (an <see cref="Alerts.Rules.AlertDetail"/>), rendered in the reader's language.</summary>
    public string? NoteKey { get; set; }

    /// <summary>The arguments of <see cref="NoteKey"/>'s message, stored as a JSON array of strings.</summary>
    public string[]? NoteArgs { get; set; }
    public int? SquadId { get; set; }
}
