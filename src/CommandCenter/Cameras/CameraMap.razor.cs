using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Cameras;

/// <summary>The registry's map: cameras as dots; clicking a dot chooses the camera, clicking elsewhere proposes a place.</summary>
public partial class CameraMap
{
    private ElementReference element;
    private DotNetObjectReference<CameraMap>? self;
    private IReadOnlyList<CameraView>? shown;

    [Parameter]
    public IReadOnlyList<CameraView> Cameras { get; set; } = [];

    /// <summary>The place being edited, ringed on the map.</summary>
    [Parameter]
    public (double Latitude, double Longitude)? Chosen { get; set; }

    [Parameter]
    public EventCallback<(double Latitude, double Longitude)> OnMapClicked { get; set; }

    [Parameter]
    public EventCallback<int> OnCameraClicked { get; set; }

    protected override string ModulePath => "./dist/camera-map.js";

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module)
    {
        self = DotNetObjectReference.Create(this);
        return module.InvokeAsync<IJSObjectReference>("createCameraMap", element, self);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (Instance is null)
        {
            return;
        }

        if (!ReferenceEquals(shown, Cameras))
        {
            shown = Cameras;
            await Instance.InvokeVoidAsync("show", Cameras);
        }

        await Instance.InvokeVoidAsync("choose", Chosen?.Latitude, Chosen?.Longitude);
    }

    [JSInvokable]
    public Task MapClicked(double latitude, double longitude) => OnMapClicked.InvokeAsync((latitude, longitude));

    [JSInvokable]
    public Task CameraClicked(int id) => OnCameraClicked.InvokeAsync(id);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        self?.Dispose();
    }
}
