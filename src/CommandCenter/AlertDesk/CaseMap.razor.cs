using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.AlertDesk;

/// <summary>
/// The alert's surroundings: the subject's fences (the alert's own drawn bold), the last hours of track, the
/// place, the cameras within reach and the squads' bases. Drawn by desk-map.js; redrawn when the picture changes.
/// </summary>
public partial class CaseMap
{
    private ElementReference element;
    private CasePicture? shown;

    [Parameter, EditorRequired]
    public int SubjectId { get; set; }

    [Parameter]
    public int? FenceId { get; set; }

    [Parameter]
    public CasePicture? Picture { get; set; }

    [Inject]
    private Cameras.CameraStates CameraStates { get; set; } = default!;

    protected override string ModulePath => "./dist/desk-map.js";

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module) =>
        module.InvokeAsync<IJSObjectReference>("createCaseMap", element, $"/api/v1/subjects/{SubjectId}/fences", FenceId);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (Instance is null || Picture is null || ReferenceEquals(shown, Picture))
        {
            return;
        }

        var focus = shown?.Place != Picture.Place || shown is null;
        shown = Picture;
        await Instance.InvokeVoidAsync("show", new
        {
            place = Picture.Place,
            track = Picture.Track.Points.Select(p => new { p.Latitude, p.Longitude }),
            cameras = Picture.Cameras.Select(c => new { c.Name, c.Latitude, c.Longitude, online = CameraStates.Of(c) is Cameras.CameraState.Live }),
            squads = Picture.Squads.Select(s => new { s.Name, latitude = s.BaseLatitude, longitude = s.BaseLongitude, s.Available }),
        }, focus);
    }
}
