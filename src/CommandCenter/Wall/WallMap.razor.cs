using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

using CommandCenter.Live;

namespace CommandCenter.Wall;

/// <summary>
/// The live map. Leaflet runs in the browser and takes positions straight from the hub, so a frame of
/// moving markers never costs a Blazor render; this component only starts it and hears its state.
/// </summary>
public partial class WallMap
{
    private ElementReference element;

    // Shown by the module while the browser keeps audio suspended: one click lets the critical-alert chime sound.
    private ElementReference soundHint;
    private DotNetObjectReference<WallMap>? self;
    private IDisposable? chimeChanges;

    [Inject]
    private IOptionsMonitor<ChimeOptions> Chime { get; set; } = default!;

    /// <summary>The one squad whose area the map shows (a region wall, or a squad leader's); null: all the viewer may see.</summary>
    [Parameter]
    public int? Region { get; set; }

    /// <summary>The hub connection's state: connecting, connected, reconnecting or disconnected.</summary>
    [Parameter]
    public EventCallback<string> OnConnectionChanged { get; set; }

    /// <summary>How many subjects are drawn.</summary>
    [Parameter]
    public EventCallback<int> OnMarkersChanged { get; set; }

    protected override string ModulePath => "./dist/wall-map.js";

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module)
    {
        self = DotNetObjectReference.Create(this);

        // A commander may turn the chime off or change its loudness while the wall runs; the map takes it at once.
        chimeChanges = Chime.OnChange(changed => _ = InvokeAsync(() => SetChimeAsync(changed)));
        return module.InvokeAsync<IJSObjectReference>("createWallMap", element, self, soundHint, ChimeSettings(Chime.CurrentValue), Region);
    }

    private static object ChimeSettings(ChimeOptions options) => new { enabled = options.Enabled, volume = options.Volume };

    private async Task SetChimeAsync(ChimeOptions changed)
    {
        try
        {
            if (Instance is not null)
            {
                await Instance.InvokeVoidAsync("setChime", ChimeSettings(changed));
            }
        }
        catch (JSDisconnectedException)
        {
            // The wall's browser is gone; it reads the settings afresh when it comes back.
        }
    }

    [JSInvokable]
    public Task ConnectionChanged(string state) => OnConnectionChanged.InvokeAsync(state);

    [JSInvokable]
    public Task MarkersChanged(int count) => OnMarkersChanged.InvokeAsync(count);

    public override async ValueTask DisposeAsync()
    {
        chimeChanges?.Dispose();
        await base.DisposeAsync();
        self?.Dispose();
    }
}
