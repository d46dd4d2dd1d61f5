using System.Globalization;
using System.Text;
using CommandCenter.Kit;
using MiniExcelLibs;

namespace CommandCenter.Subjects.Import;

/// <summary>
/// Reads an uploaded XLSX or CSV into text cells. The format is told by the content (an XLSX is a ZIP archive),
/// not by the name the browser gives. Every cell is kept as the text it shows: a formula or markup is only text
/// here, nothing is evaluated or rendered.
/// </summary>
public static class ImportFileReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsXlsx(ReadOnlySpan<byte> content) => content.StartsWith("PK\u0003\u0004"u8);

    /// <summary>The file's rows, at most <paramref name="maxRows"/> of them (more throws <see cref="ImportTooLargeException"/>); blank rows are skipped.</summary>
    public static ImportTable Read(byte[] content, ImportEncoding encoding, int maxRows)
    {
        var rows = IsXlsx(content) ? ReadXlsx(content) : CsvRows.Read(Decode(content, encoding));
        var table = new List<ImportTable.Row>();
        IReadOnlyList<string>? headers = null;
        var number = 0;
        foreach (var cells in rows)
        {
            number++;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (headers is null)
            {
                headers = cells;
                continue;
            }

            if (table.Count == maxRows)
            {
                throw new ImportTooLargeException(maxRows);
            }

            table.Add(new ImportTable.Row(number, cells));
        }

        return new ImportTable(headers ?? [], table);
    }

    public static string Decode(byte[] content, ImportEncoding encoding)
    {
        if (content.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }

        return encoding switch
        {
            ImportEncoding.Utf8 => Encoding.UTF8.GetString(content),
            ImportEncoding.Gb18030 => Encoding.GetEncoding("GB18030").GetString(content),
            _ => TryStrictUtf8(content) ?? Encoding.GetEncoding("GB18030").GetString(content),
        };
    }

    private static string? TryStrictUtf8(byte[] content)
    {
        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static IEnumerable<IReadOnlyList<string>> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        List<IReadOnlyList<string>> rows = [];
        // Without a header row MiniExcel keys the cells by column letter (A, B, ...), in order.
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add(row.Values.Select(Text).ToList());
        }

        return rows;
    }

    /// <summary>A cell as text: dates as yyyy-MM-dd, numbers without exponent where they are whole.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
