namespace CommandCenter.Subjects.Positioning;

/// <summary>Why the bureau head refuses a request.</summary>
public sealed record RejectionRequest(string? Note);
