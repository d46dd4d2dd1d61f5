namespace CommandCenter.Subjects.Positioning;

/// <summary>Why an order is no longer needed.</summary>
public sealed record EndRequest(string? Reason);
