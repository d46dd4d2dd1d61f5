namespace CommandCenter.Subjects.Import;

/// <summary>
/// How the text of a CSV file is encoded. Chinese Excel saves "CSV" in GBK (GB18030 reads it); other tools write
/// UTF-8. <see cref="Auto"/> takes a UTF-8 byte-order mark or bytes that are valid UTF-8 as UTF-8 and anything else as GB18030.
/// </summary>
public enum ImportEncoding
{
    Auto,
    Utf8,
    Gb18030,
}
