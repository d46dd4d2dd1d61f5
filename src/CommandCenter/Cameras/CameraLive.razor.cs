using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Cameras;

/// <summary>
/// One camera's live stream, played in the browser through hls.js, under the same measured state the tiles show.
/// When the probe finds a lost stream again, the player starts over: hls.js gives up on a fatal error.
/// </summary>
public partial class CameraLive
{
    private ElementReference video;
    private CameraView? camera;
    private bool failed;
    private CameraState? shownState;
    private DotNetObjectReference<CameraLive>? self;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private CameraQueries Queries { get; set; } = default!;

    [Inject]
    private CameraSignals Signals { get; set; } = default!;

    [Inject]
    private CameraStates States { get; set; } = default!;

    protected override string ModulePath => "./dist/camera-player.js";

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            Signals.Changed += SignalsChanged;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        camera = (await Queries.AllAsync(includeRetired: false, CancellationToken.None)).FirstOrDefault(c => c.Id == Id);
        shownState = camera is null ? null : States.Of(camera);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Without a stream there is nothing to play, so the player module is never loaded.
        if (camera is { StreamUrl: not null })
        {
            await base.OnAfterRenderAsync(firstRender);
        }
    }

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module)
    {
        self = DotNetObjectReference.Create(this);
        return module.InvokeAsync<IJSObjectReference>("createPlayer", video, CameraLinks.Resolve(camera!.StreamUrl, camera.Code), self);
    }

    [JSInvokable]
    public void StreamFailed()
    {
        failed = true;
        StateHasChanged();
    }

    private void SignalsChanged() => _ = InvokeAsync(async () =>
    {
        if (camera is null)
        {
            return;
        }

        var state = States.Of(camera);
        if (state is CameraState.Live && shownState is not CameraState.Live && Instance is not null)
        {
            failed = false;
            await Instance.InvokeVoidAsync("reload");
        }

        shownState = state;
        StateHasChanged();
    });

    public override async ValueTask DisposeAsync()
    {
        Signals.Changed -= SignalsChanged;
        await base.DisposeAsync();
        self?.Dispose();
    }
}
