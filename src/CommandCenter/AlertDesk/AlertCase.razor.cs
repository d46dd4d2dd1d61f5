using CommandCenter.AlertLog;
using System.Globalization;
using System.Security.Claims;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Live;
using CommandCenter.Security;
using CommandCenter.Hosting;
using CommandCenter.Squads;
using CommandCenter.Subjects.Registry;
using CommandCenter.Subjects.Tracks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.AlertDesk;

/// <summary>
/// One alert opened on the desk: what happened, to whom (masked), where (map, track, fence, cameras), who can
/// go, and the steps it has taken. Kept current from the live feed, so two officers never act on a stale picture.
/// </summary>
public partial class AlertCase
{
    private AlertDetails? details;
    private SubjectDetail? subject;
    private CasePicture? picture;
    private CaseActions? actions;
    private string? refusal;
    private bool missing;
    private ClaimsPrincipal user = default!;
    private IDisposable? subscription;

    [Inject]
    private AlertQueries Queries { get; set; } = default!;

    [Inject]
    private AlertActions Steps { get; set; } = default!;

    [Inject]
    private SubjectQueries Subjects { get; set; } = default!;

    [Inject]
    private CaseLoader Loader { get; set; } = default!;

    [Inject]
    private LiveFeed Feed { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Parameter, EditorRequired]
    public long AlertId { get; set; }

    /// <summary>Every squad, for naming the one a step sent.</summary>
    private IReadOnlyList<SquadSuggestion> AllSquads => picture?.Squads ?? [];

    /// <summary>The squads this person may send: a squad leader only their own.</summary>
    private IReadOnlyList<SquadSuggestion> Squads => SquadScope.Of(user) is { } own
        ? [.. AllSquads.Where(s => s.Id == own)]
        : AllSquads;

    /// <summary>The alert as the camera tiles need it: placed where the desk centres it.</summary>
    private AlertMessage? CameraCentre => details?.Alert is { } alert && picture?.Place is { } place
        ? alert with { Latitude = place.Latitude, Longitude = place.Longitude }
        : null;

    private string PlaceNote => picture switch
    {
        { Place: null } => L["Desk.Place.None"],
        { Place: { } place, Track: var track } => string.Format(CultureInfo.CurrentCulture, L["Desk.Place." + place.Kind], track.Outcome == TrackOutcome.Shown
            ? string.Format(CultureInfo.CurrentCulture, L["Desk.TrackShown"], track.Points.Count)
            : L["Desk.TrackNotShown"]),
        _ => string.Empty,
    };

    protected override async Task OnInitializedAsync()
    {
        user = (await Authentication).User;
        details = await Queries.DetailsAsync(AlertId, SquadScope.Of(user), CancellationToken.None);
        if (details is null)
        {
            missing = true;
            return;
        }

        subject = await Subjects.DetailAsync(details.Alert.SubjectId, user, CancellationToken.None);
        picture = await Loader.LoadAsync(details.Alert, subject, user, CancellationToken.None);
        if (RendererInfo.IsInteractive)
        {
            subscription = Feed.SubscribeAlerts(OnAlertAsync);
        }
    }

    /// <summary>A key the officer pressed, passed on by the desk.</summary>
    public Task ShortcutAsync(string name) => actions?.ShortcutAsync(name) ?? Task.CompletedTask;

    private Task DispatchAsync(int squadId) => TakeAsync(new AlertStep(AlertAction.Dispatch, null, SquadId: squadId));

    private async Task TakeAsync(AlertStep step)
    {
        var outcome = await Steps.TakeAsync(AlertId, step, user, null, CancellationToken.None);
        refusal = outcome.Refusal;
        if (outcome.Alert is null)
        {
            // A step taken is published, and the feed brings it back here; a refused one may mean someone acted first.
            await RefreshAsync();
        }
    }

    /// <summary>Any alert's change may change which squads are free; this alert's changes its history too.</summary>
    private Task OnAlertAsync(AlertMessage alert) => InvokeAsync(async () =>
    {
        if (alert.AlertId == AlertId)
        {
            await RefreshAsync();
        }
        else if (picture?.Place is { } place)
        {
            picture = picture with { Squads = await Loader.SquadsAsync(place, CancellationToken.None) };
        }

        StateHasChanged();
    });

    private async Task RefreshAsync()
    {
        details = await Queries.DetailsAsync(AlertId, SquadScope.Of(user), CancellationToken.None) ?? details;
        if (picture?.Place is { } place)
        {
            picture = picture with { Squads = await Loader.SquadsAsync(place, CancellationToken.None) };
        }
    }

    public void Dispose() => subscription?.Dispose();
}
