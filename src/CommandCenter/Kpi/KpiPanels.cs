using CommandCenter.Kit;
using System.Globalization;
using CommandCenter.Kpi.Panels;
using CommandCenter.Hosting;

namespace CommandCenter.Kpi;

/// <summary>The panels in the order the page shows them, computed for a month of the site's calendar.</summary>
public class KpiPanels(IEnumerable<IKpiPanelSource> sources, TimeProvider time, SiteClock clock)
{
    private readonly IReadOnlyList<IKpiPanelSource> ordered = sources.ToList();

    public IReadOnlyList<string> Ids => ordered.Select(s => s.Id).ToList();

    public DateOnly Today => clock.Today(time.GetUtcNow());

    /// <summary>The period of the month that holds the given day; the current month when none is given.</summary>
    public KpiPeriod Period(DateOnly? month = null) => KpiPeriod.For(month ?? Today, Today, clock);

    public async Task<KpiPanel?> BuildAsync(string id, KpiPeriod period, CancellationToken cancellationToken)
    {
        var source = ordered.FirstOrDefault(s => s.Id == id);
        return source is null ? null : await source.BuildAsync(period, cancellationToken);
    }

    /// <summary>Every panel, in order; each source reads through its own connection, so they run side by side.</summary>
    public async Task<IReadOnlyList<KpiPanel>> BuildAllAsync(KpiPeriod period, CancellationToken cancellationToken) =>
        await Task.WhenAll(ordered.Select(s => s.BuildAsync(period, cancellationToken)));

    /// <summary>
    /// Reads a month written as yyyy-MM. Null or empty is the current month; a month after the current one,
    /// or before records began, is refused with the reason.
    /// </summary>
    public bool TryParseMonth(string? text, out DateOnly month, out string? problem)
    {
        problem = null;
        month = new DateOnly(Today.Year, Today.Month, 1);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
        {
            problem = $"'{text}' is not a month written as yyyy-MM.";
            return false;
        }

        if (month > Today || month < RecordChecks.Earliest)
        {
            problem = $"{text} is outside the months that have records ({RecordChecks.Earliest:yyyy-MM} to {Today:yyyy-MM}).";
            return false;
        }

        return true;
    }
}
