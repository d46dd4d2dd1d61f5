using CommandCenter.Subjects.Registry;

namespace CommandCenter.Subjects.Import;

/// <summary>One row of the file as it would be taken in, with the squad's name as the file gave it.</summary>
public sealed record ImportedPerson(int Row, string SquadName, SubjectInput Input);
