namespace CommandCenter.Subjects.Positioning;

/// <summary>A request to extend an order: the new last day and the reassessment that justifies it.</summary>
public sealed record ExtensionRequest(DateOnly? EndDate, string? Reassessment);
