namespace CommandCenter.Kpi.Charts;

/// <summary>
/// Translates <see cref="ChartOptions"/> into the options object apexcharts takes. The browser module adds
/// only what depends on the screen (font sizes from the root font size, the local CJK font stack).
/// </summary>
public static class ApexOptions
{
    /// <summary>The hall's palette: distinct on a dark wall and on paper.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#35c9ff", "#ffc53d", "#3ddc97", "#ff7875", "#b37feb", "#ff9c6e", "#5cdbd3", "#d3adf7", "#95de64"];

    /// <summary>The full options of a new chart, or of a chart whose shape changed.</summary>
    public static Dictionary<string, object?> Build(ChartOptions options)
    {
        var dark = options.Theme == ChartTheme.Dark;
        var result = new Dictionary<string, object?>
        {
            ["chart"] = new Dictionary<string, object?>
            {
                ["type"] = ApexType(options.Kind),
                ["stacked"] = options.Stacked,
                ["height"] = "100%",
                ["background"] = "transparent",
                ["parentHeightOffset"] = 0,
                ["toolbar"] = new { show = false },
                ["zoom"] = new { enabled = false },
            },
            ["theme"] = new { mode = dark ? "dark" : "light" },
            ["colors"] = options.Colours ?? Palette,
            ["series"] = Series(options),
            ["dataLabels"] = new { enabled = options.DataLabels },
            ["legend"] = new { show = options.Series.Count > 1 || options.IsCircular, position = "top" },
            ["tooltip"] = new { theme = dark ? "dark" : "light" },
            ["grid"] = new { borderColor = dark ? "#1f3654" : "#d9d9d9" },
            ["unit"] = options.Unit,
        };

        if (options.IsCircular)
        {
            result["labels"] = options.Categories;
            result["stroke"] = new { width = 0 };
        }
        else
        {
            result["xaxis"] = new { categories = options.Categories };
            result["plotOptions"] = new { bar = new { horizontal = options.Kind == ChartKind.Bar, borderRadius = 2 } };
            result["stroke"] = new { width = options.Kind is ChartKind.Line or ChartKind.Area ? 3 : 0, curve = "smooth" };
        }

        return result;
    }

    /// <summary>The series as apexcharts takes them: named lists for axis charts, one list of slice values for a pie.</summary>
    public static object Series(ChartOptions options) =>
        options.IsCircular
            ? options.Series.Count == 0 ? Array.Empty<double>() : options.Series[0].Data
            : options.Series.Select(s => new { name = s.Name, data = s.Data }).ToArray();

    private static string ApexType(ChartKind kind) => kind switch
    {
        ChartKind.Bar or ChartKind.Column => "bar",
        ChartKind.Line => "line",
        ChartKind.Area => "area",
        ChartKind.Donut => "donut",
        ChartKind.Pie => "pie",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
