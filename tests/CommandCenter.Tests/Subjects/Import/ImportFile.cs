using System.Globalization;
using System.Text;
using CommandCenter.Subjects;

namespace CommandCenter.Tests.Subjects.Import;

/// <summary>A provincial platform's export written as the tests need it: the Chinese headers, rows of valid people unless a test spoils a cell.</summary>
public sealed class ImportFile
{
    public static readonly string[] Headers =
        ["社区矫正对象编号", "姓名", "身份证号", "联系电话", "矫正类别", "矫正起始日期", "矫正终止日期", "所属中队", "管理等级", "风险等级", "居住地址"];

    private readonly List<string[]> rows = [];

    /// <summary>A case number no other test uses.</summary>
    public static string NewCode() => "IMP" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>A valid ID number born on the given day, its sequence varied so that rows differ.</summary>
    public static string IdNumber(int sequence)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"37132619850615{sequence % 1000:000}");
        return body + ResidentIdNumber.CheckDigit(body);
    }

    public IReadOnlyList<string[]> Rows => rows;

    /// <summary>Adds a valid person in the squad named; returns the row's cells to spoil.</summary>
    public string[] Add(string code, string squad, int sequence)
    {
        var today = SubjectApi.Today;
        string[] row =
        [
            code, "测试导入" + sequence, IdNumber(sequence), "1700000" + (1000 + sequence), "缓刑",
            SubjectApi.Day(today.AddMonths(-3)), SubjectApi.Day(today.AddYears(1)), squad, "普管", "中", "平邑镇导入村" + sequence + "号",
        ];
        rows.Add(row);
        return row;
    }

    public string Csv()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Headers));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(',', row.Select(Quote)));
        }

        return text.ToString();
    }

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
