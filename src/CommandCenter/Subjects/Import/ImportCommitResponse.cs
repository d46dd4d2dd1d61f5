namespace CommandCenter.Subjects.Import;

/// <summary>A commit that stored everyone: how many were taken in (all with their home still to place).</summary>
public sealed record ImportCommitResponse(int Imported);
