using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Cameras;

/// <summary>One camera's live stream, played in the browser through hls.js.</summary>
public partial class CameraLive
{
    private ElementReference video;
    private CameraView? camera;
    private bool failed;
    private DotNetObjectReference<CameraLive>? self;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private CameraQueries Queries { get; set; } = default!;

    protected override string ModulePath => "./dist/camera-player.js";

    protected override async Task OnParametersSetAsync() =>
        camera = (await Queries.AllAsync(includeRetired: false, CancellationToken.None)).FirstOrDefault(c => c.Id == Id);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Without a stream there is nothing to play, so the player module is never loaded.
        if (camera is { StreamUrl: not null, Online: true })
        {
            await base.OnAfterRenderAsync(firstRender);
        }
    }

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module)
    {
        self = DotNetObjectReference.Create(this);
        return module.InvokeAsync<IJSObjectReference>("createPlayer", video, camera!.StreamUrl, self);
    }

    [JSInvokable]
    public void StreamFailed()
    {
        failed = true;
        StateHasChanged();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        self?.Dispose();
    }
}
