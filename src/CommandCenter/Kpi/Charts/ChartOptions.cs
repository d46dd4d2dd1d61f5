namespace CommandCenter.Kpi.Charts;

/// <summary>
/// What a chart shows, in our terms rather than apexcharts': the kind, the categories along the axis
/// (or the slices of a pie), the series, and a few presentation choices. Immutable: derive a variant
/// with <c>with</c> (e.g. <c>options with { Theme = ChartTheme.Light }</c>).
/// </summary>
public sealed record ChartOptions(ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>The series colours in order (CSS colours); null takes the palette of the hall.</summary>
    public IReadOnlyList<string>? Colours { get; init; }

    public ChartTheme Theme { get; init; } = ChartTheme.Dark;

    /// <summary>Stack the series of a bar, column or area chart.</summary>
    public bool Stacked { get; init; }

    /// <summary>Write each value on its bar, point or slice.</summary>
    public bool DataLabels { get; init; }

    /// <summary>The unit appended to values in tooltips (e.g. "分钟"); null for plain counts.</summary>
    public string? Unit { get; init; }

    /// <summary>A pie or donut takes one value per slice rather than series.</summary>
    public bool IsCircular => Kind is ChartKind.Donut or ChartKind.Pie;
}
