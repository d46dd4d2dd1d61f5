namespace CommandCenter.AlertLog;

/// <summary>
/// One step of an alert's history, as the desk shows it. A note the system wrote comes as a message key and
/// its arguments (rendered in the reader's language); a person's note, or one stored before, as text.
/// </summary>
public record AlertEventView(AlertEventKind Kind, DateTimeOffset At, string Actor, string? Note, int? SquadId)
{
    /// <summary>The message key of a note the system wrote.</summary>
    public string? NoteKey { get; init; }

    /// <summary>The arguments of <see cref="NoteKey"/>'s message.</summary>
    public IReadOnlyList<string>? NoteArgs { get; init; }

    /// <summary>The photos sent with this step (on scene, resolved), oldest first.</summary>
    public IReadOnlyList<long> PhotoIds { get; init; } = [];
}
