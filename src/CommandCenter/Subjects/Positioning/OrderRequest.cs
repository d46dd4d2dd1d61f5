using System.ComponentModel.DataAnnotations;
using CommandCenter.Hosting;

namespace CommandCenter.Subjects.Positioning;

/// <summary>A request for a new order: one of the five grounds, the days it should run, and the facts behind it.</summary>
[ValidatableType]
public sealed record OrderRequest(
    PositioningReason? Reason,
    [property: PlausibleDate] DateOnly? StartDate,
    [property: PlausibleDate] DateOnly? EndDate,
    [property: StringLength(PositioningRules.MaxNoteLength)] string? Note);
