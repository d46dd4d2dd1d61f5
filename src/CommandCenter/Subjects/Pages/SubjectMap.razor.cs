using CommandCenter.Subjects.Tracks;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Subjects.Pages;

/// <summary>
/// A subject's map: their fences (fetched by the browser from <see cref="FencesUrl"/>), their home, a replayed
/// track with its cursor, a picked destination; while <see cref="Picking"/>, a click proposes a place (a home, a destination).
/// </summary>
public partial class SubjectMap
{
    private ElementReference element;
    private DotNetObjectReference<SubjectMap>? self;
    private IReadOnlyList<TrackPoint>? shownTrack;
    private (double, double)? shownHome;
    private (double, double, double?)? shownDestination;
    private int shownCursor = -1;
    private bool? shownPicking;
    private bool homeFocused;

    /// <summary>Where the subject's fences come from as GeoJSON; none drawn when null.</summary>
    [Parameter]
    public string? FencesUrl { get; set; }

    [Parameter]
    public (double Latitude, double Longitude)? Home { get; set; }

    [Parameter]
    public IReadOnlyList<TrackPoint> Track { get; set; } = [];

    /// <summary>The index of the fix the replay has reached.</summary>
    [Parameter]
    public int Cursor { get; set; }

    /// <summary>A leave permit's destination being picked: marked apart from the home.</summary>
    [Parameter]
    public (double Latitude, double Longitude)? Destination { get; set; }

    /// <summary>The radius in metres drawn around <see cref="Destination"/>.</summary>
    [Parameter]
    public double? DestinationRadius { get; set; }

    [Parameter]
    public bool Picking { get; set; }

    [Parameter]
    public EventCallback<(double Latitude, double Longitude)> OnMapClicked { get; set; }

    protected override string ModulePath => "./dist/subject-map.js";

    protected override ValueTask<IJSObjectReference> CreateAsync(IJSObjectReference module)
    {
        self = DotNetObjectReference.Create(this);
        return module.InvokeAsync<IJSObjectReference>("createSubjectMap", element, self, FencesUrl);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (Instance is null)
        {
            return;
        }

        if (shownPicking != Picking)
        {
            shownPicking = Picking;
            await Instance.InvokeVoidAsync("picking", Picking);
        }

        if (shownHome != Home)
        {
            // The view goes to the first home shown, except on a form, where the whole county is the place to pick from.
            var focus = Home is not null && !Picking && !homeFocused;
            homeFocused |= focus;
            await Instance.InvokeVoidAsync("home", Home?.Latitude, Home?.Longitude, focus);
            shownHome = Home;
        }

        var destination = Destination is { } place ? (place.Latitude, place.Longitude, DestinationRadius) : ((double, double, double?)?)null;
        if (shownDestination != destination)
        {
            shownDestination = destination;
            await Instance.InvokeVoidAsync("destination", Destination?.Latitude, Destination?.Longitude, DestinationRadius);
        }

        if (!ReferenceEquals(shownTrack, Track))
        {
            shownTrack = Track;
            shownCursor = 0;
            await Instance.InvokeVoidAsync("track", Track);
        }

        if (shownCursor != Cursor)
        {
            shownCursor = Cursor;
            await Instance.InvokeVoidAsync("cursor", Cursor);
        }
    }

    [JSInvokable]
    public Task MapClicked(double latitude, double longitude) => OnMapClicked.InvokeAsync((latitude, longitude));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        self?.Dispose();
    }
}
