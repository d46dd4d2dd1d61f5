using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Subjects.WhoWasThere;

/// <summary>
/// The search's map: an area drawn with the fence editor's tools, or a centre picked with a click and the
/// radius around it; then a dot at each person's closest fix.
/// </summary>
public partial class WhoWasThereMap
{
    private ElementReference element;
    private DotNetObjectReference<WhoWasThereMap>? self;
    private (bool Circle, double Radius)? shownMode;
    private IReadOnlyList<PersonNearby>? shownPeople;

    /// <summary>Whether a centre and radius are searched rather than a drawn area.</summary>
    [Parameter]
    public bool Circle { get; set; }

    [Parameter]
    public double RadiusMetres { get; set; }

    [Parameter]
    public IReadOnlyList<PersonNearby> People { get; set; } = [];

    [Parameter]
    public EventCallback<string?> OnAreaChanged { get; set; }

    [Parameter]
    public EventCallback<(double Latitude, double Longitude)> OnCentrePicked { get; set; }

    protected override string ModulePath => "./dist/who-was-there-map.js";

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module)
    {
        self = DotNetObjectReference.Create(this);
        return module.InvokeAsync<IJSObjectReference>("createWhoWasThereMap", element, self);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (Instance is null)
        {
            return;
        }

        if (shownMode != (Circle, RadiusMetres))
        {
            shownMode = (Circle, RadiusMetres);
            await Instance.InvokeVoidAsync("setMode", Circle ? "circle" : "area", RadiusMetres);
        }

        if (!ReferenceEquals(shownPeople, People))
        {
            shownPeople = People;
            await Instance.InvokeVoidAsync("showPeople", People.Select(p => new { p.Code, p.Latitude, p.Longitude }));
        }
    }

    [JSInvokable]
    public Task AreaChanged(string? area) => OnAreaChanged.InvokeAsync(area);

    [JSInvokable]
    public Task CentrePicked(double latitude, double longitude) => OnCentrePicked.InvokeAsync((latitude, longitude));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        self?.Dispose();
    }
}
