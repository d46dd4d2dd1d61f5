namespace CommandCenter.AlertDesk;

/// <summary>One step of an alert's life: who did what, when, and why.</summary>
public class AlertEvent
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public AlertEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The user name, or "system" for steps the rules take.</summary>
    public required string Actor { get; set; }

    public string? Note { get; set; }
    public int? SquadId { get; set; }
}
