using System.ComponentModel.DataAnnotations;
using CommandCenter.Hosting;

namespace CommandCenter.Subjects.Positioning;

/// <summary>A request to extend an order: the new last day and the reassessment that justifies it.</summary>
[ValidatableType]
public sealed record ExtensionRequest(
    [property: PlausibleDate] DateOnly? EndDate,
    [property: StringLength(PositioningRules.MaxNoteLength)] string? Reassessment);
