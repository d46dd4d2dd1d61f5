using System.Globalization;
using CommandCenter.Alerts.Lifecycle;

namespace CommandCenter.Reports;

/// <summary>
/// Reads the reports' query parameters (dates, kinds, squads, pages) the same way for the API and the pages,
/// collecting a sentence for each one that is wrong, so a request answers 400 naming every bad parameter.
/// </summary>
public sealed class ReportQuery(DateOnly today)
{
    private readonly Dictionary<string, string[]> problems = [];

    /// <summary>Each bad parameter with what is wrong with it (a copy, for a validation problem).</summary>
    public Dictionary<string, string[]> Problems => new(problems);

    public bool IsValid => problems.Count == 0;

    /// <summary>A day written yyyy-MM-dd, not after today; <paramref name="fallback"/> when absent.</summary>
    public DateOnly Day(string name, string? text, DateOnly fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Add(name, $"'{text}' is not a day written as yyyy-MM-dd.");
            return fallback;
        }

        if (day > today)
        {
            Add(name, $"{text} is after today ({today:yyyy-MM-dd}); nothing has happened then yet.");
        }

        return day;
    }

    /// <summary>An enum value by name (any case); null when absent.</summary>
    public TEnum? Choice<TEnum>(string name, string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Names only: Enum.TryParse would also take "7" and answer a value that has no name.
        var match = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Add(name, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
            return null;
        }

        return Enum.Parse<TEnum>(match);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public int Number(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Add(name, $"'{text}' is not a whole number from {min} to {max}.");
            return fallback;
        }

        return number;
    }

    /// <summary>A squad id, when given; whether it exists and whether the person may see it is the caller's check.</summary>
    public int? Squad(string name, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Number(name, text, 0, 1, int.MaxValue);

    /// <summary>The register's filter from its parameters: by default this month up to today.</summary>
    public RegisterFilter Register(string? from, string? to, string? rule, string? squad, string? severity, string? state)
    {
        var first = Day("from", from, new DateOnly(today.Year, today.Month, 1));
        var last = Day("to", to, today);
        if (IsValid && first > last)
        {
            Add("to", $"The period ends ({last:yyyy-MM-dd}) before it begins ({first:yyyy-MM-dd}).");
        }
        else if (IsValid && last.DayNumber - first.DayNumber >= RegisterFilter.MaxDays)
        {
            Add("to", $"The period is longer than {RegisterFilter.MaxDays} days; export it a year at a time.");
        }

        return new RegisterFilter(first, last, Choice<AlertRule>("rule", rule), Squad("squad", squad), Choice<AlertSeverity>("severity", severity), Choice<AlertState>("state", state));
    }

    public void Add(string name, string problem) => problems[name] = [.. problems.GetValueOrDefault(name, []), problem];
}
