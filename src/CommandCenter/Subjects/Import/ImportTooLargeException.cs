namespace CommandCenter.Subjects.Import;

/// <summary>A file holds more rows than one import takes.</summary>
public sealed class ImportTooLargeException(int maxRows) : Exception($"The file holds more than {maxRows} rows.")
{
    public int MaxRows { get; } = maxRows;
}
