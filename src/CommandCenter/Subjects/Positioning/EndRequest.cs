using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Subjects.Positioning;

/// <summary>Why an order is no longer needed.</summary>
[ValidatableType]
public sealed record EndRequest([property: StringLength(PositioningRules.MaxNoteLength)] string? Reason);
