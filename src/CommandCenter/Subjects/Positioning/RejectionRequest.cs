using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Subjects.Positioning;

/// <summary>Why the bureau head refuses a request.</summary>
[ValidatableType]
public sealed record RejectionRequest([property: StringLength(PositioningRules.MaxNoteLength)] string? Note);
