using System.Globalization;
using CommandCenter.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CommandCenter.Cameras;

/// <summary>
/// The cameras nearest the alert the wall is showing: a snapshot that refreshes, a link to the live
/// stream, and "no signal since ..." when the last probe of its links failed (or a plain "no signal" when only the
/// picture failed to load); the measured state re-renders the tiles as soon as a probe round changes it.
/// </summary>
public partial class CameraTiles
{
    private List<CameraView> cameras = [];
    private readonly HashSet<int> failed = [];
    private long tick;
    private ITimer? refresh;
    private long? shownAlert;

    [Inject]
    private CameraQueries Queries { get; set; } = default!;

    [Inject]
    private IOptions<CameraOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private CameraSignals Signals { get; set; } = default!;

    [Inject]
    private CameraStates States { get; set; } = default!;

    /// <summary>The alert whose surroundings to show; the newest one with a position.</summary>
    [Parameter]
    public AlertMessage? Alert { get; set; }

    [Parameter]
    public int Count { get; set; } = 4;

    /// <summary>How far to look; the site's wall setting when not given (the desk looks within 1 km).</summary>
    [Parameter]
    public double? WithinMeters { get; set; }

    private double Reach => WithinMeters ?? Options.Value.WallSearchMeters;

    private string? Near => Alert is null ? null : $"{Alert.SubjectCode} · {Alert.FenceName}";

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            var every = Options.Value.SnapshotRefresh;
            refresh = Time.CreateTimer(_ => InvokeAsync(() =>
            {
                tick++;
                failed.Clear();
                StateHasChanged();
            }), null, every, every);
            Signals.Changed += SignalsChanged;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Alert?.AlertId == shownAlert)
        {
            return;
        }

        shownAlert = Alert?.AlertId;
        cameras = Alert is { Latitude: { } lat, Longitude: { } lon }
            ? await Queries.NearestAsync(lat, lon, Count, Reach, CancellationToken.None)
            : [];
    }

    // A camera that comes back gets its picture tried again at once rather than at the next refresh.
    private void SignalsChanged() => _ = InvokeAsync(() =>
    {
        failed.Clear();
        StateHasChanged();
    });

    /// <summary>The snapshot address with a changing parameter, so the browser fetches a fresh picture.</summary>
    private string Snapshot(CameraView camera)
    {
        var address = CameraLinks.Resolve(camera.SnapshotUrl, camera.Code)!;
        return address + (address.Contains('?') ? "&" : "?") + "t=" + tick.ToString(CultureInfo.InvariantCulture);
    }

    private static string Distance(CameraView camera) => camera.DistanceMeters is { } meters ? Map.DistanceText.Of(meters) : string.Empty;

    public void Dispose()
    {
        refresh?.Dispose();
        Signals.Changed -= SignalsChanged;
    }
}
