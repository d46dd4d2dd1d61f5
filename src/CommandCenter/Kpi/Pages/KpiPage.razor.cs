using System.Globalization;
using CommandCenter.Kpi.Panels;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Kpi.Pages;

/// <summary>
/// All KPI panels of one month on one dark screen. The current month recomputes itself now and then, so a
/// wall left on this page stays current; another month is chosen with the picker (and kept in the URL).
/// </summary>
public partial class KpiPage
{
    /// <summary>
    /// Panels that take two columns of the five-by-three grid: a column per day of the month, a squad per row of
    /// the scoreboard, and education's many figures. With them the twelve panels fill the fifteen cells.
    /// </summary>
    private static readonly HashSet<string> Wide = ["alerts-daily", "scoreboard", "education"];

    private IReadOnlyList<KpiPanel> panels = [];
    private KpiPeriod period = default!;
    private ITimer? timer;

    /// <summary>The month shown, as yyyy-MM; the current month when absent or invalid.</summary>
    [SupplyParameterFromQuery(Name = "month")]
    public string? Month { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        period = Panels.Period(Panels.TryParseMonth(Month, out var month, out _) ? month : null);
        panels = await Panels.BuildAllAsync(period, CancellationToken.None);
        if (RendererInfo.IsInteractive && timer is null)
        {
            var every = Options.Value.StripRefresh;
            timer = Time.CreateTimer(_ => InvokeAsync(RefreshAsync), null, every, every);
        }
    }

    private async Task RefreshAsync()
    {
        if (period.IsCurrent)
        {
            panels = await Panels.BuildAllAsync(Panels.Period(period.Month), CancellationToken.None);
            StateHasChanged();
        }
    }

    private void OnMonthChanged(DateTime? date)
    {
        if (date is { } chosen)
        {
            Navigation.NavigateTo($"/kpi?month={chosen.ToString("yyyy-MM", CultureInfo.InvariantCulture)}");
        }
    }

    public void Dispose() => timer?.Dispose();
}
