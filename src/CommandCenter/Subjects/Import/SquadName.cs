namespace CommandCenter.Subjects.Import;

/// <summary>A squad as a file may name it: by its name (第一中队) or its code.</summary>
public sealed record SquadName(int Id, string Code, string Name);
