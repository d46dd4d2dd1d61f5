using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Live;

/// <summary>
/// The live map. Leaflet runs in the browser and takes positions straight from the hub, so a frame of
/// moving markers never costs a Blazor render; this component only starts it and hears its state.
/// </summary>
public partial class WallMap : IAsyncDisposable
{
    private ElementReference element;
    private IJSObjectReference? module;
    private IJSObjectReference? map;
    private DotNetObjectReference<WallMap>? self;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The hub connection's state: connecting, connected, reconnecting or disconnected.</summary>
    [Parameter]
    public EventCallback<string> OnConnectionChanged { get; set; }

    /// <summary>How many subjects are drawn.</summary>
    [Parameter]
    public EventCallback<int> OnMarkersChanged { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        self = DotNetObjectReference.Create(this);
        module = await JS.InvokeAsync<IJSObjectReference>("import", "./dist/wall-map.js");
        map = await module.InvokeAsync<IJSObjectReference>("createWallMap", element, self);
    }

    [JSInvokable]
    public Task ConnectionChanged(string state) => OnConnectionChanged.InvokeAsync(state);

    [JSInvokable]
    public Task MarkersChanged(int count) => OnMarkersChanged.InvokeAsync(count);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (map is not null)
            {
                await map.InvokeVoidAsync("dispose");
                await map.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; there is nothing left to tear down on its side.
        }

        self?.Dispose();
    }
}
