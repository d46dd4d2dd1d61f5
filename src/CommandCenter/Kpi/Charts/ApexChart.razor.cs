using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Kpi.Charts;

/// <summary>
/// A chart drawn by apexcharts in the browser. Give it <see cref="Options"/>; when new options differ from
/// the drawn ones only in their series, the chart animates to the new values (<c>updateSeries</c>); when
/// anything else changed it is reconfigured in place (<c>updateOptions</c>); it is never re-created.
/// The browser module is loaded on first render and the chart destroyed on disposal.
/// </summary>
public partial class ApexChart : IAsyncDisposable
{
    /// <summary>The bundled browser module (wwwroot-assets/src/charts.js).</summary>
    public const string ModulePath = "./dist/charts.js";

    private ElementReference element;
    private IJSObjectReference? module;
    private IJSObjectReference? chart;
    private string? drawnShape;
    private string? drawnSeries;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public ChartOptions Options { get; set; } = default!;

    /// <summary>Marks the chart's element for tests and for the page's own styling.</summary>
    [Parameter]
    public string? TestId { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var shape = ShapeOf(Options);
        var series = JsonSerializer.Serialize(ApexOptions.Series(Options));
        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            chart = await module.InvokeAsync<IJSObjectReference>("createChart", element, ApexOptions.Build(Options));
        }
        else if (chart is null || (shape == drawnShape && series == drawnSeries))
        {
            return;
        }
        else if (shape == drawnShape)
        {
            await chart.InvokeVoidAsync("updateSeries", ApexOptions.Series(Options));
        }
        else
        {
            await chart.InvokeVoidAsync("updateOptions", ApexOptions.Build(Options));
        }

        drawnShape = shape;
        drawnSeries = series;
    }

    /// <summary>Everything but the values: what decides between updating the series and reconfiguring.</summary>
    private static string ShapeOf(ChartOptions options) =>
        JsonSerializer.Serialize(new
        {
            options.Kind,
            options.Categories,
            Names = options.Series.Select(s => s.Name),
            options.Colours,
            options.Theme,
            options.Stacked,
            options.DataLabels,
            options.Unit,
        });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (chart is not null)
            {
                await chart.InvokeVoidAsync("destroy");
                await chart.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone, and the chart with it.
        }

        GC.SuppressFinalize(this);
    }
}
