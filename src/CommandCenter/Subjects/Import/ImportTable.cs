namespace CommandCenter.Subjects.Import;

/// <summary>A file as read: its header cells and its rows of text cells, each row with its number in the file (the header is row 1).</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<ImportTable.Row> Rows)
{
    public sealed record Row(int Number, IReadOnlyList<string> Cells);
}
