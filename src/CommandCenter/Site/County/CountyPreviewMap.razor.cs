using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Site.County;

/// <summary>
/// The map of the county picker: the county to preview (a shipped one, fetched by its code) or, without
/// one, the base map as stored. Keyed by the caller, so another county opens a fresh map.
/// </summary>
public partial class CountyPreviewMap
{
    private ElementReference element;

    /// <summary>The GeoJSON of the areas to draw, e.g. /api/v1/site/counties/371326.</summary>
    [Parameter]
    public string Url { get; set; } = "/api/v1/map/regions";

    protected override string ModulePath => "./dist/county-preview.js";

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module) =>
        module.InvokeAsync<IJSObjectReference>("createCountyPreview", element, Url);
}
