namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>A stretch of time in which an approved positioning order covered a subject, cut to the searched window.</summary>
public readonly record struct CoveredSpan(int SubjectId, DateTimeOffset From, DateTimeOffset To);
