using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Kpi.Panels;

/// <summary>What every panel source shares: the database, the text, and the way a panel is put together.</summary>
public abstract class PanelSource(IDbContextFactory<CommandCenterDb> factory, IStringLocalizer<UiText> text) : IKpiPanelSource
{
    public abstract string Id { get; }

    protected IStringLocalizer<UiText> Text => text;

    public abstract Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken);

    protected Task<CommandCenterDb> OpenAsync(CancellationToken cancellationToken) => factory.CreateDbContextAsync(cancellationToken);

    /// <summary>The panel with its title and definition from the resources <c>Kpi.{Id}.Title</c> and <c>Kpi.{Id}.Definition</c>.</summary>
    protected KpiPanel Panel(IReadOnlyList<KpiFigure> figures, KpiTable table, ChartOptions? chart = null) =>
        new(Id, text[$"Kpi.{Id}.Title"], text[$"Kpi.{Id}.Definition"], figures, table, chart);

    /// <summary>The display name of an enum value, from the resource <c>{Type}.{Value}</c>.</summary>
    protected string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => text[$"{typeof(TEnum).Name}.{value}"];

    protected string Label(string key) => text[$"Kpi.Label.{key}"];

    protected static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    protected static string MonthLabel(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    protected static KpiTable Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows) => new(columns, rows.ToList());
}
