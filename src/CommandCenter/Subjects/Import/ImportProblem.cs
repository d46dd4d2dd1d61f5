namespace CommandCenter.Subjects.Import;

/// <summary>A bad cell: its row in the file (the header is row 1), its column as the file heads it, the intake field it feeds and what is wrong, in the user's language.</summary>
public sealed record ImportProblem(int Row, string Column, string Field, string Message);
