namespace CommandCenter.Subjects.Positioning;

/// <summary>A request for a new order: one of the five grounds, the days it should run, and the facts behind it.</summary>
public sealed record OrderRequest(PositioningReason? Reason, DateOnly? StartDate, DateOnly? EndDate, string? Note);
