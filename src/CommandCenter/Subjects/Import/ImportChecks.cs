using System.Globalization;
using CommandCenter.Kit;
using CommandCenter.Localization;
using CommandCenter.Subjects.Registry;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Subjects.Import;

/// <summary>
/// Turns the rows of a file into intakes and names every bad cell. Each row goes through the intake's own
/// <see cref="SubjectChecks"/> (so an import cannot store what the form refuses), except that the home's point
/// may be missing; what only a file can get wrong (a date or a word that cannot be read, a squad by name, a case
/// number twice) is checked here.
/// </summary>
public static class ImportChecks
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"];

    /// <summary>The intake field each column feeds, as <see cref="SubjectChecks"/> names it.</summary>
    private static readonly Dictionary<ImportColumn, string> Fields = new()
    {
        [ImportColumn.Code] = "code",
        [ImportColumn.Name] = "name",
        [ImportColumn.IdNumber] = "idNumber",
        [ImportColumn.Phone] = "phone",
        [ImportColumn.CorrectionType] = "correctionType",
        [ImportColumn.TermStart] = "termStart",
        [ImportColumn.TermEnd] = "termEnd",
        [ImportColumn.Squad] = "squadId",
        [ImportColumn.SupervisionLevel] = "supervisionLevel",
        [ImportColumn.RiskLevel] = "riskLevel",
        [ImportColumn.HomeAddress] = "homeAddress",
    };

    /// <param name="table">The file as read.</param>
    /// <param name="squads">The site's squads; a file names a squad by its name or its code.</param>
    /// <param name="registered">The case numbers already registered (of those in the file is enough).</param>
    /// <param name="today">The site's today.</param>
    /// <param name="text">The user's language.</param>
    public static ImportPreview Check(ImportTable table, IReadOnlyList<SquadName> squads, IReadOnlySet<string> registered, DateOnly today, IStringLocalizer<UiText> text)
    {
        var problems = new List<ImportProblem>();
        var columns = Columns(table.Headers, text, problems);
        if (problems.Count > 0)
        {
            return new ImportPreview([], problems);
        }

        if (table.Rows.Count == 0)
        {
            return new ImportPreview([], [new ImportProblem(1, "", "file", text["Import.NoRows"])]);
        }

        var squadIds = squads.Select(s => s.Id).ToHashSet();
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var people = new List<ImportedPerson>();
        foreach (var row in table.Rows)
        {
            var cells = new RowCells(row, columns);
            var rowProblems = new List<ImportProblem>();
            void Fail(ImportColumn column, string message) =>
                rowProblems.Add(new ImportProblem(row.Number, cells.Header(column), Fields[column], message));

            var termStart = Day(cells, ImportColumn.TermStart, text, Fail);
            var termEnd = Day(cells, ImportColumn.TermEnd, text, Fail);
            var correctionType = Word(cells, ImportColumn.CorrectionType, ImportHeaders.CorrectionTypeOf, text, Fail);
            var supervisionLevel = Word(cells, ImportColumn.SupervisionLevel, ImportHeaders.SupervisionLevelOf, text, Fail);
            var riskLevel = Word(cells, ImportColumn.RiskLevel, ImportHeaders.RiskLevelOf, text, Fail);
            var squadText = cells[ImportColumn.Squad];
            var squad = squads.FirstOrDefault(s => s.Name == squadText || string.Equals(s.Code, squadText, StringComparison.OrdinalIgnoreCase));
            if (squad is null && squadText.Length > 0)
            {
                Fail(ImportColumn.Squad, text["Import.UnknownSquad", squadText]);
            }

            // The day the person is registered here: the start of the term, or today for a term that starts later.
            var intake = termStart is { } start && start <= today ? start : today;
            var input = new SubjectInput(
                cells[ImportColumn.Code], cells[ImportColumn.Name], cells[ImportColumn.IdNumber], cells[ImportColumn.Phone],
                correctionType, supervisionLevel, riskLevel, squad?.Id, termStart, termEnd, intake, cells[ImportColumn.HomeAddress], null, null, null);

            var checks = new RecordChecks(text, today, squadIds);
            SubjectChecks.Check(input, isNew: true, checks, today, homeOnMapRequired: false);
            var alreadyNamed = rowProblems.Select(p => p.Field).ToHashSet();
            foreach (var (field, messages) in checks.Errors)
            {
                var column = ColumnOf(field);
                if (!alreadyNamed.Contains(Fields[column]))
                {
                    rowProblems.AddRange(messages.Select(m => new ImportProblem(row.Number, cells.Header(column), Fields[column], m)));
                }
            }

            var code = input.Code?.Trim() ?? "";
            if (code.Length > 0)
            {
                if (firstRowOfCode.TryGetValue(code, out var first))
                {
                    Fail(ImportColumn.Code, text["Import.DuplicateInFile", code, first]);
                }
                else
                {
                    firstRowOfCode[code] = row.Number;
                    if (registered.Contains(code))
                    {
                        Fail(ImportColumn.Code, text["Validation.CaseNumberTaken", code]);
                    }
                }
            }

            problems.AddRange(rowProblems);
            people.Add(new ImportedPerson(row.Number, squadText, input));
        }

        return new ImportPreview(people, problems);
    }

    /// <summary>The codes a file gives, to ask the database which are taken.</summary>
    public static IReadOnlyList<string> Codes(ImportTable table)
    {
        var code = table.Headers.ToList().FindIndex(h => ImportHeaders.ColumnOf(h) == ImportColumn.Code);
        return code < 0 ? [] : table.Rows.Select(r => code < r.Cells.Count ? r.Cells[code].Trim() : "").Where(c => c.Length > 0).Distinct().ToList();
    }

    private static Dictionary<ImportColumn, (int Index, string Header)> Columns(IReadOnlyList<string> headers, IStringLocalizer<UiText> text, List<ImportProblem> problems)
    {
        if (headers.Count == 0)
        {
            problems.Add(new ImportProblem(1, "", "file", text["Import.NoHeader"]));
            return [];
        }

        var columns = new Dictionary<ImportColumn, (int, string)>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (ImportHeaders.ColumnOf(headers[i]) is { } column && !columns.ContainsKey(column))
            {
                columns[column] = (i, headers[i].Trim());
            }
        }

        foreach (var missing in ImportHeaders.Required.Where(c => !columns.ContainsKey(c)))
        {
            problems.Add(new ImportProblem(1, ImportHeaders.ChineseName(missing), Fields[missing], text["Import.MissingColumn", ImportHeaders.ChineseName(missing)]));
        }

        return columns;
    }

    private static ImportColumn ColumnOf(string field) => field == "intakeDate" ? ImportColumn.TermStart : Fields.First(f => f.Value == field).Key;

    private static DateOnly? Day(RowCells cells, ImportColumn column, IStringLocalizer<UiText> text, Action<ImportColumn, string> fail)
    {
        var value = cells[column];
        if (value.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return DateOnly.FromDateTime(parsed);
        }

        fail(column, text["Import.NotADate", value]);
        return null;
    }

    private static TEnum? Word<TEnum>(RowCells cells, ImportColumn column, Func<string, TEnum?> find, IStringLocalizer<UiText> text, Action<ImportColumn, string> fail)
        where TEnum : struct, Enum
    {
        var value = cells[column];
        if (value.Length == 0)
        {
            return null;
        }

        if (find(value) is { } found)
        {
            return found;
        }

        var words = string.Join("、", Enum.GetValues<TEnum>().Select(v => text[$"{typeof(TEnum).Name}.{v}"].Value));
        fail(column, text["Import.UnknownWord", value, words]);
        return null;
    }

    /// <summary>One row's cells by column, trimmed; a missing cell reads as empty.</summary>
    private sealed class RowCells(ImportTable.Row row, Dictionary<ImportColumn, (int Index, string Header)> columns)
    {
        public string this[ImportColumn column] =>
            columns[column].Index < row.Cells.Count ? row.Cells[columns[column].Index].Trim() : "";

        public string Header(ImportColumn column) => columns[column].Header;
    }
}
