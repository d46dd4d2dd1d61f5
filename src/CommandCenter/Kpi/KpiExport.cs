using System.Text;
using CommandCenter.Kpi.Panels;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace CommandCenter.Kpi;

/// <summary>Writes a panel's table as an XLSX workbook or a CSV file (UTF-8 with a byte-order mark, so Excel reads the Chinese).</summary>
public static class KpiExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static byte[] ToXlsx(KpiPanel panel) => Write(panel, ExcelType.XLSX, configuration: null);

    public static byte[] ToCsv(KpiPanel panel) =>
        Write(panel, ExcelType.CSV, new CsvConfiguration { StreamWriterFunc = stream => new StreamWriter(stream, new UTF8Encoding(true)) });

    /// <summary>The file name of a panel's export: the panel id and the month, e.g. dispositions-2026-10.xlsx.</summary>
    public static string FileName(KpiPanel panel, KpiPeriod period, string extension) => $"{panel.Id}-{period.Month:yyyy-MM}.{extension}";

    private static byte[] Write(KpiPanel panel, ExcelType type, MiniExcelLibs.IConfiguration? configuration)
    {
        var rows = panel.Table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>();
            for (var i = 0; i < panel.Table.Columns.Count; i++)
            {
                cells[panel.Table.Columns[i]] = i < row.Count ? row[i] : null;
            }

            return cells;
        }).ToList();

        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            // With no rows MiniExcel cannot see the columns; write the header as the only row.
            stream.SaveAs(new[] { panel.Table.Columns.ToDictionary(c => c, c => (object?)c) }, printHeader: false, sheetName: Sheet(panel), excelType: type, configuration: configuration);
        }
        else
        {
            stream.SaveAs(rows, sheetName: Sheet(panel), excelType: type, configuration: configuration);
        }

        return stream.ToArray();
    }

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name.</summary>
    private static string Sheet(KpiPanel panel)
    {
        var name = new string(panel.Title.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        return name.Length > 31 ? name[..31] : name;
    }
}
