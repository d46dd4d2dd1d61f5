using CommandCenter.Kpi.Panels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CommandCenter.Kpi;

/// <summary>
/// The wall's compact row of key figures: the headline figures of a few panels for the current month,
/// recomputed every <see cref="KpiOptions.StripRefresh"/> (the wall is left on for weeks).
/// </summary>
public partial class KpiStrip : IDisposable
{
    /// <summary>The panels whose headline figures the strip shows, in order; the header already shows people and today's alerts.</summary>
    private static readonly string[] PanelIds = ["no-loss", "intake-release", "response", "dispositions", "positioning", "party-meetings", "education"];

    private List<KpiFigure> figures = [];
    private ITimer? timer;

    [Inject]
    private KpiPanels Panels { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IOptions<KpiOptions> Options { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (RendererInfo.IsInteractive)
        {
            var every = Options.Value.StripRefresh;
            timer = Time.CreateTimer(_ => InvokeAsync(RefreshAsync), null, every, every);
        }
    }

    private async Task LoadAsync()
    {
        var period = Panels.Period();
        var built = new List<KpiFigure>();
        foreach (var id in PanelIds)
        {
            if (await Panels.BuildAsync(id, period, CancellationToken.None) is { } panel)
            {
                built.AddRange(panel.Figures.Where(f => f.Headline));
            }
        }

        figures = built;
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    public void Dispose() => timer?.Dispose();
}
